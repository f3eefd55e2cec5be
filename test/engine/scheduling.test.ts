import { describe, expect, it } from 'vitest';
import { graph, harness, maxOverlap, statuses } from './fixtures.js';

describe('scheduling', () => {
  it('runs independent branches at the same time', async () => {
    const { engine, compile, intervals } = harness();
    const g = compile(graph({ a: ['utility:t_sleep'], b: ['utility:t_sleep'], c: ['utility:t_sleep'] }));
    const state = await engine.execute({ graph: g }).result;
    expect(state.status).toBe('COMPLETED');
    expect(maxOverlap(intervals)).toBe(3);
  });

  it('starts a node only after every wired input is available', async () => {
    const { engine, compile, intervals } = harness();
    const g = compile(
      graph({ a: ['utility:t_sleep'], b: ['utility:t_sleep'], join: ['utility:t_join'] }, [
        ['a', 'out', 'join', 'items'],
        ['b', 'out', 'join', 'items'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.status).toBe('COMPLETED');
    expect(state.nodes.join!.output).toEqual({ text: 'a+b' });
    const joinStart = Date.parse(state.nodes.join!.startedAt!);
    expect(joinStart).toBeGreaterThanOrEqual(Date.parse(state.nodes.a!.endedAt!));
    expect(joinStart).toBeGreaterThanOrEqual(Date.parse(state.nodes.b!.endedAt!));
    expect(intervals).toHaveLength(2);
  });

  it('keeps to the per-execution limit', async () => {
    const { engine, compile, intervals } = harness({ concurrency: { perExecution: 2, global: 10 } });
    const g = compile(graph(Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, ['utility:t_sleep', { ms: 20 }]]))));
    expect((await engine.execute({ graph: g }).result).status).toBe('COMPLETED');
    expect(intervals).toHaveLength(5);
    expect(maxOverlap(intervals)).toBe(2);
  });

  it('keeps to the process-wide limit across executions', async () => {
    const { engine, compile, intervals } = harness({ concurrency: { perExecution: 3, global: 4 } });
    const g = compile(graph(Object.fromEntries(['a', 'b', 'c'].map((id) => [id, ['utility:t_sleep', { ms: 20 }]]))));
    const runs = [engine.execute({ graph: g, force: true }), engine.execute({ graph: g, force: true }), engine.execute({ graph: g, force: true })];
    const states = await Promise.all(runs.map((run) => run.result));
    expect(states.map((s) => s.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(intervals).toHaveLength(9);
    expect(maxOverlap(intervals)).toBe(4);
  });

  it('writes each transition before it reports it', async () => {
    const { engine, compile, recorder } = harness();
    const g = compile(graph({ a: ['utility:t_const', { value: 1 }], b: ['utility:t_sleep'] }, [['a', 'value', 'b', 'in']]));
    const seen: string[] = [];
    const handle = engine.execute({
      graph: g,
      onEvent: (event) => {
        if (event.type !== 'node') return;
        const stored = recorder.writes.filter((w) => w.nodeId === event.node.nodeId).map((w) => w.status);
        expect(stored.at(-1)).toBe(event.node.status);
        seen.push(`${event.node.nodeId}:${event.node.status}`);
      },
    });
    await handle.result;
    expect(seen).toEqual(['a:RUNNING', 'a:COMPLETED', 'b:RUNNING', 'b:COMPLETED']);
    expect(recorder.executions.get(handle.executionId)?.status).toBe('COMPLETED');
    expect(statuses(recorder.executions.get(handle.executionId)!)).toEqual({ a: 'COMPLETED', b: 'COMPLETED' });
  });

  it('reports timing for every node', async () => {
    const { engine, compile } = harness();
    const state = await engine.execute({ graph: compile(graph({ a: ['utility:t_sleep', { ms: 25 }] })) }).result;
    const a = state.nodes.a!;
    expect(a.durationMs).toBeGreaterThanOrEqual(20);
    expect(Date.parse(a.endedAt!)).toBeGreaterThanOrEqual(Date.parse(a.startedAt!));
    expect(a.attempts).toBe(1);
  });
});
