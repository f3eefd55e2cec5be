import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../../src/engine/index.js';
import { ExecuteBodySchema, parseBody } from '../../../src/service/index.js';
import { edge, failure, node, useExecHarness } from './harness.js';

// Ids, port names, config keys and output names that are properties of Object.prototype must be
// keys like any other all the way through: graph, run-time inputs, engine, store, views and cache.

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const h = useExecHarness();

/**
 * Sent as JSON text, as a client would: a `__proto__` key in an object literal would set the
 * prototype instead of making a key.
 *
 * input `name` → template `{{name}}+{{other}}` (`other` set in config) → result named `name`;
 * the template also feeds a switch whose only case is `name`: the value does not match, so the
 * `default` output runs ("missed") and the node hanging off out-`name` is skipped.
 */
function graphFor(name: string, other: string): { nodes: unknown[]; edges: unknown[] } {
  return JSON.parse(
    JSON.stringify({
      nodes: [
        node(name, 'input:text', { prompt: 'default' }),
        node('tpl', 'utility:prompt_template', { template: `{{${name}}}+{{${other}}}`, [other]: 'fixed' }),
        node('out', 'output:result', { name }),
        node('sw', 'logic:switch', { cases: [name] }),
        node('hit', 'output:result', { name: 'hit' }),
        node('miss', 'output:result', { name: 'missed' }),
      ],
      edges: [
        edge(name, 'text', 'tpl', name),
        edge('tpl', 'text', 'out', 'value'),
        edge('tpl', 'text', 'sw', 'value'),
        edge('sw', name, 'hit', 'value'),
        edge('sw', 'default', 'miss', 'value'),
      ],
    }),
  ) as { nodes: unknown[]; edges: unknown[] };
}

describe('prototype property names as user keys', () => {
  it('runs __proto__ (input:text) → constructor (prompt_template) → toString (output) to the input text', async () => {
    const { services, admin, workflow, finished } = h();
    const graph = JSON.parse(
      JSON.stringify({
        nodes: [
          node('__proto__', 'input:text', { prompt: 'default' }),
          node('constructor', 'utility:prompt_template', { template: '{{text}}' }),
          node('toString', 'output:result', { name: 'valueOf' }),
        ],
        edges: [edge('__proto__', 'text', 'constructor', 'text'), edge('constructor', 'text', 'toString', 'value')],
      }),
    ) as { nodes: unknown[]; edges: unknown[] };
    const id = await workflow(graph);
    const { executionId } = await services.executions.execute(admin, id, JSON.parse('{"inputs":{"__proto__":"the input text"}}'));
    expect(await finished(executionId)).toBe('COMPLETED');
    const detail = await services.executions.detail(admin, executionId);
    expect(JSON.parse(JSON.stringify(detail.finalOutput))).toEqual({ valueOf: 'the input text' });
    expect(Object.keys(detail.inputs as object)).toEqual(['__proto__']);
  });

  for (const [index, name] of NAMES.entries()) {
    const other = NAMES[(index + 1) % NAMES.length]!;
    it(`keeps "${name}" as a node id, run-time input, port, config key, output name and switch case`, async () => {
      const { services, admin, workflow, finished } = h();
      const id = await workflow(graphFor(name, other));
      const saved = JSON.stringify(await services.workflows.get(admin, id));
      expect(saved).toContain(`"${other}":"fixed"`);

      const run = async (text: string, force = false) => {
        const body = JSON.parse(`{"inputs":{${JSON.stringify(name)}:${JSON.stringify(text)}},"force":${force}}`) as unknown;
        const { executionId } = await services.executions.execute(admin, id, parseBody(ExecuteBodySchema, body));
        expect(await finished(executionId)).toBe('COMPLETED');
        return services.executions.detail(admin, executionId);
      };
      const first = await run('hello');
      const finalOutput = JSON.parse(JSON.stringify(first.finalOutput)) as Record<string, unknown>;
      expect(Object.entries(finalOutput)).toEqual([
        [name, 'hello+fixed'],
        ['missed', 'hello+fixed'],
      ]);
      const states = Object.fromEntries(first.nodes.map((n) => [n.nodeId, [n.status, n.skipReason ?? null]]));
      expect(states).toEqual({
        [name]: ['COMPLETED', null],
        tpl: ['COMPLETED', null],
        out: ['COMPLETED', null],
        sw: ['COMPLETED', null],
        hit: ['SKIPPED', 'branch_not_taken'],
        miss: ['COMPLETED', null],
      });
      expect(JSON.stringify(first.inputs)).toBe(JSON.stringify({ [name]: 'hello' }));

      // The cache fingerprints inputs by key: another value under the same odd key is another entry.
      const second = await run('bye');
      expect(JSON.parse(JSON.stringify(second.finalOutput))).toMatchObject({ [name]: 'bye+fixed' });
      const again = await run('hello');
      expect(again.nodes.find((n) => n.nodeId === 'tpl')).toMatchObject({ cached: true });
      expect(JSON.parse(JSON.stringify(again.finalOutput))).toMatchObject({ [name]: 'hello+fixed' });
    });
  }

  it('fingerprints a __proto__ key, so it is never the empty object', () => {
    const parts = { scope: '', nodeType: 't', settings: {}, dryRun: false };
    const withKey = cacheKey({ ...parts, inputs: JSON.parse('{"__proto__":"a"}') as Record<string, unknown> });
    const other = cacheKey({ ...parts, inputs: JSON.parse('{"__proto__":"b"}') as Record<string, unknown> });
    expect(new Set([withKey, other, cacheKey({ ...parts, inputs: {} })]).size).toBe(3);
  });

  it('starts the webhook run with a __proto__ key filling the node of that id', async () => {
    const { services, admin, workflow, finished, store } = h();
    const id = await workflow(graphFor('__proto__', 'constructor'));
    const { webhookId } = await services.workflows.get(admin, id);
    const { executionId } = await services.executions.trigger(webhookId, JSON.parse('{"__proto__":"hooked"}'));
    expect(await finished(executionId)).toBe('COMPLETED');
    expect(JSON.stringify((await store.executions.load(executionId))?.finalOutput)).toContain('"__proto__":"hooked+fixed"');
  });

  it('patches a config key named after a prototype property like any other', async () => {
    const { services, admin, workflow } = h();
    const id = await workflow(graphFor('toString', '__proto__'));
    await services.workflows.patchNode(admin, id, 'tpl', JSON.parse('{"config":{"__proto__":"patched"}}'));
    expect(JSON.stringify(await services.workflows.get(admin, id))).toContain('"__proto__":"patched"');
    // null deletes the key, and the template's {{__proto__}} is then a required input left unset.
    const error = await failure(services.workflows.patchNode(admin, id, 'tpl', JSON.parse('{"config":{"__proto__":null}}')));
    expect(error.details?.violations).toMatchObject([{ rule: 'missing-required-input', nodeId: 'tpl', path: ['nodes', 1, 'data', 'config', '__proto__'] }]);
  });
});

/** Engine and graph code read user keys with Object.hasOwn or a Map, never with `in`. */
describe('no `in` on user keys', () => {
  it('finds no `key in object` test with a computed key under src/engine or src/graph', () => {
    const offenders: string[] = [];
    for (const file of ['src/engine', 'src/graph'].flatMap((dir) => tsFiles(dir))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const code = line.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''").replace(/\/\*.*?(\*\/|$)|\/\/.*$|^\s*\*.*$/g, '');
          if (/\bfor\s*\(\s*(const|let|var)\b/.test(code)) return;
          // A literal key ('model' in spec) names a property we own; anything else may be a user's.
          if (/[\w\])]\s+in\s+[\w(!]/.test(code)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
