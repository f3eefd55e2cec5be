import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graph, harness, statuses } from './fixtures.js';

describe('failure and branches', () => {
  it('skips the descendants of a failed node and lets independent branches finish', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph({ bad: ['utility:t_fail'], after: ['utility:t_sleep'], last: ['utility:t_sleep'], other: ['utility:t_sleep'] }, [
        ['bad', 'out', 'after', 'in'],
        ['after', 'out', 'last', 'in'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(statuses(state)).toEqual({ bad: 'FAILED', after: 'SKIPPED', last: 'SKIPPED', other: 'COMPLETED' });
    expect(state.nodes.after!.skipReason).toBe('upstream_failed');
    expect(state.status).toBe('FAILED');
    expect(state.error?.failedNodes).toEqual(['bad']);
    expect(state.error?.message).toContain('bad');
    expect(state.nodes.bad!.error).toEqual({ code: 'boom', message: 'attempt 1 failed' });
  });

  it('does not retry a permanent error', async () => {
    const { engine, compile, calls } = harness();
    const state = await engine.execute({ graph: compile(graph({ bad: ['utility:t_fail'] })) }).result;
    expect(calls.get('bad')).toBe(1);
    expect(state.nodes.bad!.attempts).toBe(1);
  });

  it('retries a transient error with backoff and reports each retry', async () => {
    const { engine, compile, calls } = harness();
    const retries: number[] = [];
    const g = compile(graph({ flaky: ['utility:t_fail', { transient: true, failuresBeforeSuccess: 2 }] }));
    const state = await engine.execute({ graph: g, onEvent: (e) => e.type === 'node-retry' && retries.push(e.attempt) }).result;
    expect(state.nodes.flaky!.status).toBe('COMPLETED');
    expect(state.nodes.flaky!.output).toEqual({ out: 'ok after 3' });
    expect(state.nodes.flaky!.attempts).toBe(3);
    expect(calls.get('flaky')).toBe(3);
    expect(retries).toEqual([2, 3]);
  });

  it('gives up on a transient error after maxRetries', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(graph({ flaky: ['utility:t_fail', { transient: true, maxRetries: 1 }] }));
    const state = await engine.execute({ graph: g }).result;
    expect(state.nodes.flaky!.status).toBe('FAILED');
    expect(state.nodes.flaky!.error?.transient).toBe(true);
    expect(calls.get('flaky')).toBe(2);
  });

  it('times out a node that never settles, even when it ignores its signal', async () => {
    const { engine, compile } = harness();
    const state = await engine.execute({ graph: compile(graph({ slow: ['utility:t_hang'], fine: ['utility:t_sleep'] })) }).result;
    expect(state.nodes.slow!.status).toBe('FAILED');
    expect(state.nodes.slow!.error?.code).toBe('node_timeout');
    expect(state.nodes.fine!.status).toBe('COMPLETED');
  });

  it('honours a timeout set in config, and retries a timeout as transient', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(graph({ slow: ['utility:t_sleep', { ms: 1000, timeoutMs: 20, maxRetries: 1 }] }));
    const state = await engine.execute({ graph: g }).result;
    expect(state.nodes.slow!.error?.code).toBe('node_timeout');
    expect(calls.get('slow')).toBe(2);
  });

  it('skips the branch not taken without failing the run', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph(
        {
          flag: ['utility:t_const', { value: 'yes' }],
          check: ['logic:t_if'],
          onTrue: ['utility:t_sleep'],
          onFalse: ['utility:t_sleep'],
          afterFalse: ['utility:t_sleep'],
        },
        [
          ['flag', 'value', 'check', 'value'],
          ['check', 'true', 'onTrue', 'in'],
          ['check', 'false', 'onFalse', 'in'],
          ['onFalse', 'out', 'afterFalse', 'in'],
        ],
      ),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.status).toBe('COMPLETED');
    expect(statuses(state)).toMatchObject({ onTrue: 'COMPLETED', onFalse: 'SKIPPED', afterFalse: 'SKIPPED' });
    expect(state.nodes.onFalse!.skipReason).toBe('branch_not_taken');
    expect(state.nodes.afterFalse!.skipReason).toBe('branch_not_taken');
    expect(state.nodes.onTrue!.output).toEqual({ out: 'yes' });
  });

  it('merges branches back through a list port, running on the branch taken', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph({ flag: ['utility:t_const', { value: 0 }], check: ['logic:t_if'], yes: ['utility:t_upper'], no: ['utility:t_upper'], merge: ['utility:t_join'] }, [
        ['flag', 'value', 'check', 'value'],
        ['check', 'true', 'yes', 'text'],
        ['check', 'false', 'no', 'text'],
        ['yes', 'text', 'merge', 'items'],
        ['no', 'text', 'merge', 'items'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(statuses(state)).toMatchObject({ yes: 'SKIPPED', no: 'COMPLETED', merge: 'COMPLETED' });
    expect(state.nodes.merge!.output).toEqual({ text: '0' });
  });

  it('keeps server file paths out of the record of a node that failed unexpectedly', async () => {
    const { engine, compile, registry } = harness();
    registry.register({
      nodeType: 'utility:t_crash',
      label: 'Crash',
      category: 'utility',
      description: 'test',
      cost: () => 0,
      timeoutMs: 5_000,
      inputs: [],
      outputs: [{ name: 'out', type: 'any' }],
      config: z.strictObject({}),
      maxRetries: 0,
      run: async () => {
        throw new Error("ENOENT: no such file or directory, open '/srv/pipewright/home/x.png' (see https://example.com/a/b)");
      },
    });
    const state = await engine.execute({ graph: compile(graph({ crash: ['utility:t_crash'] })) }).result;
    expect(state.nodes.crash!.error).toEqual({
      code: 'node_error',
      message: "Node failed unexpectedly: ENOENT: no such file or directory, open '<path>' (see https://example.com/a/b)",
    });
  });
});
