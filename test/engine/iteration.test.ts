import { describe, expect, it } from 'vitest';
import { graph, harness, maxOverlap } from './fixtures.js';

describe('list iteration', () => {
  it('runs a node once per item, concurrently, outputs in item order', async () => {
    const { engine, compile, calls, intervals } = harness();
    const g = compile(
      graph({ src: ['utility:t_const', { value: 'c,a,b' }], split: ['utility:t_split'], up: ['utility:t_upper'], slow: ['utility:t_sleep', { ms: 20 }] }, [
        ['src', 'value', 'split', 'text'],
        ['split', 'items', 'up', 'text'],
        ['split', 'items', 'slow', 'in'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.status).toBe('COMPLETED');
    expect(calls.get('up')).toBe(3);
    expect(state.nodes.up!.output).toEqual({ text: ['C', 'A', 'B'] });
    expect(state.nodes.up!.iterations?.map((it) => [it.index, it.status])).toEqual([
      [0, 'COMPLETED'],
      [1, 'COMPLETED'],
      [2, 'COMPLETED'],
    ]);
    expect(state.nodes.slow!.output).toEqual({ out: ['c', 'a', 'b'] });
    expect(maxOverlap(intervals.filter((i) => i.nodeId === 'slow'))).toBe(3);
  });

  it('keeps fanning out downstream of an iterated node and collects into a list port', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph(
        {
          src: ['utility:t_const', { value: 'x,y' }],
          split: ['utility:t_split'],
          up: ['utility:t_upper'],
          again: ['utility:t_upper'],
          join: ['utility:t_join'],
        },
        [
          ['src', 'value', 'split', 'text'],
          ['split', 'items', 'up', 'text'],
          ['up', 'text', 'again', 'text'],
          ['again', 'text', 'join', 'items'],
        ],
      ),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.nodes.again!.output).toEqual({ text: ['X', 'Y'] });
    expect(state.nodes.join!.output).toEqual({ text: 'X+Y' });
  });

  it('fails the node after the other items finish when one item fails', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(
      graph({ src: ['utility:t_const', { value: 'a,bad,c' }], split: ['utility:t_split'], up: ['utility:t_upper', { failOn: 'bad' }] }, [
        ['src', 'value', 'split', 'text'],
        ['split', 'items', 'up', 'text'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(calls.get('up')).toBe(3);
    expect(state.nodes.up!.status).toBe('FAILED');
    expect(state.nodes.up!.iterations?.map((it) => it.status)).toEqual(['COMPLETED', 'FAILED', 'COMPLETED']);
    expect(state.nodes.up!.error?.message).toContain('item 1');
  });

  it('zips several lists and refuses lists of unequal length, naming both ports', async () => {
    const { engine, compile } = harness();
    const zipped = (b: string) =>
      compile(
        graph(
          {
            a: ['utility:t_const', { value: 'a,b' }],
            b: ['utility:t_const', { value: b }],
            sa: ['utility:t_split'],
            sb: ['utility:t_split'],
            pair: ['utility:t_pair'],
          },
          [
            ['a', 'value', 'sa', 'text'],
            ['b', 'value', 'sb', 'text'],
            ['sa', 'items', 'pair', 'a'],
            ['sb', 'items', 'pair', 'b'],
          ],
        ),
      );
    const ok = await engine.execute({ graph: zipped('x,y') }).result;
    expect(ok.nodes.pair!.output).toEqual({ text: ['a/x', 'b/y'] });
    const uneven = await engine.execute({ graph: zipped('x,y,z') }).result;
    expect(uneven.nodes.pair!.error?.code).toBe('list_length_mismatch');
    expect(uneven.nodes.pair!.error?.message).toMatch(/in-a has 2 items, in-b has 3/);
  });

  it('charges per item', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph({ src: ['utility:t_const', { value: 'a,b' }], split: ['utility:t_split'], model: ['generate:t_model'] }, [
        ['src', 'value', 'split', 'text'],
        ['split', 'items', 'model', 'prompt'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.nodes.model!.output).toEqual({ image: ['https://provider.example/a.png', 'https://provider.example/b.png'] });
    expect(state.nodes.model!.credits).toBe(10);
    expect(state.credits).toBe(10);
  });

  it('enforces maxIterations', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph({ src: ['utility:t_const', { value: 'a,b,c' }], split: ['utility:t_split'], up: ['utility:t_upper', { maxIterations: 2 }] }, [
        ['src', 'value', 'split', 'text'],
        ['split', 'items', 'up', 'text'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.nodes.up!.error?.code).toBe('too_many_items');
  });
});
