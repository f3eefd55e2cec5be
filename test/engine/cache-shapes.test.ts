import { describe, expect, it } from 'vitest';
import type { CachedOutcome, ExecutionState, OutputCache } from '../../src/engine/index.js';
import { graph, harness, type Wire } from './fixtures.js';

/** Keeps entries as JSON text, as a cache shared through the store does: a hit is a copy, never the run's own objects. */
class JsonTextCache implements OutputCache {
  readonly entries = new Map<string, string>();
  async get(key: string): Promise<CachedOutcome | undefined> {
    const text = this.entries.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as CachedOutcome);
  }
  async set(key: string, entry: CachedOutcome): Promise<void> {
    this.entries.set(key, JSON.stringify(entry));
  }
}

type Nodes = Parameters<typeof graph>[0];

/** What downstream nodes and callers see of a run: per node its status, outputs, cost and items. */
function seen(state: ExecutionState) {
  const nodes = Object.fromEntries(
    Object.entries(state.nodes).map(([id, node]) => [
      id,
      { status: node.status, output: node.output, items: node.iterations?.map((item) => [item.index, item.status]) },
    ]),
  );
  return { status: state.status, finalOutput: state.finalOutput, nodes };
}

const split = (value: string) => ({ src: ['utility:t_const', { value }], split: ['utility:t_split'] }) satisfies Nodes;
const fromSplit: Wire = ['src', 'value', 'split', 'text'];
const result: Nodes = { out: ['output:t_result'] };

const cases: Array<[name: string, nodes: Nodes, wires: Wire[]]> = [
  [
    'a list into a per-item node',
    { ...split('c,a,b'), model: ['generate:t_model'], ...result },
    [fromSplit, ['split', 'items', 'model', 'prompt'], ['model', 'image', 'out', 'value']],
  ],
  [
    'a per-item chain',
    { ...split('x,y'), up: ['utility:t_upper'], again: ['utility:t_upper'], ...result },
    [fromSplit, ['split', 'items', 'up', 'text'], ['up', 'text', 'again', 'text'], ['again', 'text', 'out', 'value']],
  ],
  [
    'per-item outputs into a list port',
    { ...split('x,y'), up: ['utility:t_upper'], join: ['utility:t_join'], ...result },
    [fromSplit, ['split', 'items', 'up', 'text'], ['up', 'text', 'join', 'items'], ['join', 'text', 'out', 'value']],
  ],
  [
    'zipped lists',
    { ...split('a,b'), b: ['utility:t_const', { value: 'x,y' }], sb: ['utility:t_split'], pair: ['utility:t_pair'], join: ['utility:t_join'], ...result },
    [
      fromSplit,
      ['b', 'value', 'sb', 'text'],
      ['split', 'items', 'pair', 'a'],
      ['sb', 'items', 'pair', 'b'],
      ['pair', 'text', 'join', 'items'],
      ['join', 'text', 'out', 'value'],
    ],
  ],
  [
    'a text split fanned over per-item texts',
    { ...split('a;b,c'), up: ['utility:t_upper'], parts: ['utility:t_split', { separator: ';' }], join: ['utility:t_join'], ...result },
    [fromSplit, ['split', 'items', 'up', 'text'], ['up', 'text', 'parts', 'text'], ['parts', 'items', 'join', 'items'], ['parts', 'items', 'out', 'value']],
  ],
];

describe('a cached re-run yields what the run did', () => {
  it.each(cases)('%s', async (_name, nodes, wires) => {
    const cache = new JsonTextCache();
    // A fresh engine for each run over one shared cache: the second run is another process's.
    const first = harness({ cache });
    const g = first.compile(graph(nodes, wires));
    const ran = await first.engine.execute({ graph: g }).result;
    expect(ran.status).toBe('COMPLETED');
    const second = harness({ cache });
    const served = await second.engine.execute({ graph: g }).result;
    expect(second.calls.size).toBe(0);
    for (const node of Object.values(served.nodes)) expect(node).toMatchObject({ status: 'COMPLETED', cached: true, credits: 0, attempts: 0 });
    expect(served.credits).toBe(0);
    expect(seen(served)).toEqual(seen(ran));
  });

  it('never serves a list read whole to a node that fans out over the same list, nor the reverse', async () => {
    const { engine, compile, calls } = harness();
    const whole = compile(graph({ src: ['utility:t_const', { value: ['a', 'b'] }], up: ['utility:t_upper'] }, [['src', 'value', 'up', 'text']]));
    const perItem = compile(graph({ ...split('a,b'), up: ['utility:t_upper'] }, [fromSplit, ['split', 'items', 'up', 'text']]));
    const once = await engine.execute({ graph: whole }).result;
    const fanned = await engine.execute({ graph: perItem }).result;
    expect(once.nodes.up!.output).toEqual({ text: 'A,B' });
    expect(fanned.nodes.up).toMatchObject({ cached: false, output: { text: ['A', 'B'] } });
    expect(calls.get('up')).toBe(3);
  });
});
