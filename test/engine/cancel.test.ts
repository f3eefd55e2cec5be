import { describe, expect, it } from 'vitest';
import { graph, harness, statuses } from './fixtures.js';

describe('cancellation', () => {
  it('aborts running nodes and marks pending ones CANCELLED', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(graph({ long: ['utility:t_sleep', { ms: 5_000 }], next: ['utility:t_sleep'] }, [['long', 'out', 'next', 'in']]));
    const handle = engine.execute({
      graph: g,
      onEvent: (event) => event.type === 'node' && event.node.status === 'RUNNING' && handle.cancel(),
    });
    const started = performance.now();
    const state = await handle.result;
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(state.status).toBe('CANCELLED');
    expect(statuses(state)).toEqual({ long: 'CANCELLED', next: 'CANCELLED' });
    expect(calls.get('next')).toBeUndefined();
  });

  it('cancels through the caller signal too', async () => {
    const { engine, compile } = harness();
    const controller = new AbortController();
    const handle = engine.execute({ graph: compile(graph({ long: ['utility:t_sleep', { ms: 5_000 }] })), signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await handle.result).status).toBe('CANCELLED');
  });

  it('does not retry once cancelled', async () => {
    const { engine, compile, calls } = harness({ retry: { minDelayMs: 200, maxDelayMs: 200, factor: 1 } });
    const g = compile(graph({ flaky: ['utility:t_fail', { transient: true }] }));
    const handle = engine.execute({ graph: g, onEvent: (e) => e.type === 'node-retry' && handle.cancel() });
    const state = await handle.result;
    expect(state.nodes.flaky!.status).toBe('CANCELLED');
    expect(calls.get('flaky')).toBe(1);
  });
});
