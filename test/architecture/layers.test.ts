import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cruise, format, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

// The fixture tree under fixtures/src is cruised with the repository's own .dependency-cruiser.mjs
// (the rules match paths relative to the cruise's base directory), so removing or loosening a rule
// fails here. Each layer's index.ts imports only what the order allows; every other file breaks
// exactly one rule, and nothing imports it.

const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

type Edge = { rule: string; from: string; to: string };

const VIOLATIONS: Edge[] = [
  { rule: 'engine-imports-downwards', from: 'src/engine/reaches-up.ts', to: 'src/api/index.ts' },
  { rule: 'client-imports-downwards', from: 'src/client/reaches-backend.ts', to: 'src/backend/index.ts' },
  { rule: 'mcp-imports-downwards', from: 'src/mcp/sibling.ts', to: 'src/api/errors/status-table.ts' },
  { rule: 'service-imports-downwards', from: 'src/service/uses-skill.ts', to: 'src/skill/index.ts' },
  { rule: 'graph-imports-downwards', from: 'src/graph/re-exports-up.ts', to: 'src/nodes/index.ts' },
  { rule: 'nodes-imports-downwards', from: 'src/nodes/loads-up-lazily.ts', to: 'src/service/index.ts' },
  { rule: 'errors-imports-downwards', from: 'src/errors/reaches-layer.ts', to: 'src/graph/index.ts' },
  { rule: 'sse-imports-nothing', from: 'src/sse/reaches-errors.ts', to: 'src/errors/index.ts' },
  { rule: 'faces-skip-core', from: 'src/api/reaches-store.ts', to: 'src/store/index.ts' },
  { rule: 'faces-skip-core', from: 'src/mcp/reaches-engine.ts', to: 'src/engine/index.ts' },
  { rule: 'faces-skip-core', from: 'src/cli/reaches-providers.ts', to: 'src/providers/index.ts' },
  { rule: 'through-index', from: 'src/api/past-index.ts', to: 'src/service/idempotency/keys.ts' },
  { rule: 'through-index', from: 'src/mcp/sibling.ts', to: 'src/api/errors/status-table.ts' },
  { rule: 'entry-through-index', from: 'src/index.ts', to: 'src/service/idempotency/keys.ts' },
];

const CONFORMING: Array<Omit<Edge, 'rule'>> = [
  { from: 'src/cli/index.ts', to: 'src/mcp/index.ts' },
  { from: 'src/cli/index.ts', to: 'src/api/index.ts' },
  { from: 'src/cli/index.ts', to: 'src/client/index.ts' },
  { from: 'src/cli/index.ts', to: 'src/skill/index.ts' },
  { from: 'src/mcp/index.ts', to: 'src/backend/index.ts' },
  { from: 'src/api/index.ts', to: 'src/service/index.ts' },
  { from: 'src/api/index.ts', to: 'src/api/errors/status-table.ts' },
  { from: 'src/client/index.ts', to: 'src/service/index.ts' },
  { from: 'src/client/index.ts', to: 'src/sse/index.ts' },
  { from: 'src/backend/index.ts', to: 'src/service/index.ts' },
  { from: 'src/backend/index.ts', to: 'src/client/index.ts' },
  { from: 'src/service/index.ts', to: 'src/engine/index.ts' },
  { from: 'src/service/index.ts', to: 'src/store/index.ts' },
  { from: 'src/service/index.ts', to: 'src/service/idempotency/keys.ts' },
  { from: 'src/engine/index.ts', to: 'src/nodes/index.ts' },
  { from: 'src/nodes/index.ts', to: 'src/providers/index.ts' },
  { from: 'src/providers/index.ts', to: 'src/store/index.ts' },
  { from: 'src/store/index.ts', to: 'src/graph/index.ts' },
  { from: 'src/store/index.ts', to: 'src/artifacts/index.ts' },
  { from: 'src/skill/index.ts', to: 'src/nodes/index.ts' },
  { from: 'src/graph/index.ts', to: 'src/errors/index.ts' },
  { from: 'src/net/index.ts', to: 'src/errors/index.ts' },
  { from: 'src/index.ts', to: 'src/cli/index.ts' },
  { from: 'src/index.ts', to: 'src/store/index.ts' },
];

let options: ICruiseOptions;
let result: ICruiseResult;

beforeAll(async () => {
  options = { ...(await extractDepcruiseOptions(CONFIG)), baseDir: FIXTURES };
  const { output } = await cruise(['src'], options);
  if (typeof output === 'string') throw new Error(`expected a cruise result, got text: ${output}`);
  result = output;
}, 30_000);

const reported = (): Edge[] => result.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }));

describe('layer rules (.dependency-cruiser.mjs)', () => {
  it.each(VIOLATIONS)('$rule: reports $from → $to', (edge) => {
    expect(reported()).toContainEqual(edge);
  });

  it('reports nothing beyond the deliberate violations', () => {
    const key = (edge: Edge) => `${edge.rule} ${edge.from} → ${edge.to}`;
    expect(reported().map(key).sort()).toEqual(VIOLATIONS.map(key).sort());
  });

  it.each(CONFORMING)('allows $from → $to', ({ from, to }) => {
    const module = result.modules.find((candidate) => candidate.source === from);
    expect(module?.dependencies.map((dependency) => dependency.resolved)).toContain(to);
    expect(reported().filter((edge) => edge.from === from && edge.to === to)).toEqual([]);
  });

  it('has a deliberate violation for each kind of rule the configuration holds', () => {
    const kind = (name = '') => (name.endsWith('-imports-downwards') ? 'layer order' : name);
    const kinds = new Set((options.ruleSet?.forbidden ?? []).map((rule) => kind(rule.name)));
    expect([...kinds].sort()).toEqual([...new Set(VIOLATIONS.map((edge) => kind(edge.rule)))].sort());
  });

  it('names the rule and the file in what lint prints', async () => {
    const { output, exitCode } = await format(result, { outputType: 'err' });
    expect(exitCode).toBe(VIOLATIONS.length);
    expect(output).toContain('error engine-imports-downwards: src/engine/reaches-up.ts → src/api/index.ts');
    expect(output).toContain('error faces-skip-core: src/api/reaches-store.ts → src/store/index.ts');
    expect(output).toContain('error through-index: src/api/past-index.ts → src/service/idempotency/keys.ts');
  });
});
