import { describe, expect, it } from 'vitest';
import { httpMapping } from '../../src/api/errors/index.js';
import { VIOLATION_RULES, WARNING_RULES } from '../../src/graph/index.js';
import { createBuiltinRegistry, describeNodeType, modelEntryOf } from '../../src/nodes/index.js';
import { ERROR_CODES, type ErrorCode, isErrorCode } from '../../src/errors/index.js';
import { loadTemplates } from '../../src/service/templates/index.js';
import { bundledTemplatesDir } from '../../src/skill/index.js';
import { codeSpansOf, skillDocs, tableRows } from './skill-docs.js';
import { templateCredits } from './template-credits.js';

// The skill's reference tables state figures and pairings; each is recomputed from the code.
const registry = createBuiltinRegistry();
const docs = await skillDocs();
const doc = (name: string) => docs.find((d) => d.path === `skill/references/${name}`)!.text;
const templates = await loadTemplates(bundledTemplatesDir());

describe('skill/references/errors.md', () => {
  const requestRows = tableRows(doc('errors.md'), ['code', 'status', 'what to do']);
  const nodeRows = tableRows(doc('errors.md'), ['code', 'what to do']);

  it('names only error codes the code has', () => {
    const named = [...requestRows, ...nodeRows].flatMap(([codes]) => codeSpansOf(codes!));
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('gives each request error the HTTP status the REST API answers it with', () => {
    const stated = requestRows.flatMap(([codes, status]) => codeSpansOf(codes!).map((code) => ({ code, status: Number(status) })));
    const answered = stated.map(({ code }) => ({
      code,
      status: httpMapping({ code: code as ErrorCode, category: ERROR_CODES[code as ErrorCode].category }).status,
    }));
    expect(stated).toEqual(answered);
  });
});

describe('skill/references/models.md', () => {
  const text = doc('models.md');

  it('states each model cost as the registry computes it with default settings: `type` (credits)', () => {
    const stated = [...text.matchAll(/`((?:generate|llm):[a-z0-9_]+)` \((\d+)\)/g)].map((m) => ({ nodeType: m[1]!, credits: Number(m[2]) }));
    const computed = stated.map(({ nodeType }) => ({ nodeType, credits: describeNodeType(registry.get(nodeType)!).cost }));
    expect(stated.length).toBeGreaterThan(30);
    expect(stated).toEqual(computed);
  });

  it('puts each model under the provider it runs on', () => {
    const rows = tableRows(text, ['provider', 'server variable', 'for example']);
    const stated = rows.flatMap(([provider, , types]) => codeSpansOf(types!).map((nodeType) => ({ nodeType, provider: codeSpansOf(provider!)[0] })));
    const actual = stated.map(({ nodeType }) => ({ nodeType, provider: modelEntryOf(registry.get(nodeType))?.provider }));
    expect(rows.length).toBe(4);
    expect(stated).toEqual(actual);
  });
});

describe('skill/references/templates.md', () => {
  const rows = tableRows(doc('templates.md'), ['template', 'makes', 'inputs', 'credits']);

  it('lists every bundled template once', () => {
    const files = rows.map(([link]) => /\(\.\.\/templates\/([\w-]+\.json)\)/.exec(link!)?.[1]);
    expect(files.sort()).toEqual(templates.map((template) => template.file).sort());
  });

  it.each(rows.map((row) => ({ file: /\(\.\.\/templates\/([\w-]+\.json)\)/.exec(row[0]!)![1]!, inputs: row[2]!, credits: row[3]! })))(
    '$file: its inputs are its input nodes, and its credits the estimate (N+ where a paid fan-out makes it a lower bound)',
    ({ file, inputs, credits }) => {
      const workflow = templates.find((template) => template.file === file)!.workflow as { nodes: Array<{ id: string; data: { nodeType: string } }> };
      const inputNodes = workflow.nodes.filter((node) => registry.get(node.data.nodeType)?.inputKey !== undefined).map((node) => node.id);
      expect(codeSpansOf(inputs).sort()).toEqual(inputNodes.sort());
      const { credits: estimated, lowerBound } = templateCredits(workflow, registry);
      expect(/^(\d+)(\+?)/.exec(credits)?.slice(1)).toEqual([String(estimated), lowerBound ? '+' : '']);
    },
  );

  it('is priced as the estimate wherever a document says `template` (about N credits)', () => {
    const stated = docs.flatMap(({ text }) =>
      [...text.matchAll(/`([\w-]+)` \(about (\d+) credits\)/g)].map((m) => ({ file: `${m[1]}.json`, credits: Number(m[2]) })),
    );
    const estimated = stated.map(({ file }) => ({ file, credits: templateCredits(templates.find((t) => t.file === file)?.workflow, registry).credits }));
    expect(stated.length).toBeGreaterThan(0);
    expect(stated).toEqual(estimated);
  });

  it('is named in SKILL.md, template by template', () => {
    const skill = docs.find((d) => d.path === 'SKILL.md')!.text;
    expect(templates.map((template) => template.file.replace(/\.json$/, '')).filter((name) => !skill.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('skill/references/workflow-format.md', () => {
  it('explains every validation rule once, and names every warning', () => {
    const text = doc('workflow-format.md');
    const rules = tableRows(text, ['rule', 'means', 'usual fix']).flatMap(([rule]) => codeSpansOf(rule!));
    expect(rules.sort()).toEqual([...VIOLATION_RULES].sort());
    const warnings = text.slice(text.indexOf('Warnings never block'));
    for (const rule of [...WARNING_RULES, 'provider-not-configured']) expect(warnings).toContain(`\`${rule}\``);
  });
});
