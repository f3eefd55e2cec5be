import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PipewrightError } from '../../src/errors/index.js';
import type { NodeType } from '../../src/nodes/node-type.js';
import { graph, harness, statuses } from './fixtures.js';

const pipeline = () =>
  graph({ prompt: ['utility:t_const', { value: 'cat' }], model: ['generate:t_model'], up: ['utility:t_upper'], side: ['utility:t_sleep', { ms: 1 }] }, [
    ['prompt', 'value', 'model', 'prompt'],
    ['prompt', 'value', 'up', 'text'],
  ]);

describe('output cache, targetNodeId and force', () => {
  it('serves an unchanged node from the cache at no cost', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(pipeline());
    const first = await engine.execute({ graph: g }).result;
    expect(first.nodes.model!.credits).toBe(5);
    const second = await engine.execute({ graph: g }).result;
    expect(calls.get('model')).toBe(1);
    expect(second.nodes.model).toMatchObject({ status: 'COMPLETED', cached: true, credits: 0, output: first.nodes.model!.output });
  });

  it('shares cached outputs only within one cache scope (one account)', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(pipeline());
    await engine.execute({ graph: g, cacheScope: 'acct_a' }).result;
    const other = await engine.execute({ graph: g, cacheScope: 'acct_b' }).result;
    expect(other.nodes.model!.cached).toBe(false);
    expect(calls.get('model')).toBe(2);
    const same = await engine.execute({ graph: g, cacheScope: 'acct_a' }).result;
    expect(same.nodes.model!.cached).toBe(true);
  });

  it('misses the cache when an input changes', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(pipeline());
    await engine.execute({ graph: g }).result;
    const state = await engine.execute({ graph: g, inputs: { prompt: 'dog' } }).result;
    expect(calls.get('model')).toBe(2);
    expect(state.nodes.model!.output).toEqual({ image: 'https://provider.example/dog.png' });
  });

  it('force ignores the cache', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(pipeline());
    await engine.execute({ graph: g }).result;
    const state = await engine.execute({ graph: g, force: true }).result;
    expect(calls.get('model')).toBe(2);
    expect(state.nodes.model!.cached).toBe(false);
  });

  it('targetNodeId runs only that node and its ancestors', async () => {
    const { engine, compile, calls } = harness();
    const state = await engine.execute({ graph: compile(pipeline()), targetNodeId: 'up' }).result;
    expect(statuses(state)).toEqual({ prompt: 'COMPLETED', model: 'SKIPPED', up: 'COMPLETED', side: 'SKIPPED' });
    expect(state.nodes.model!.skipReason).toBe('not_targeted');
    expect(calls.get('model')).toBeUndefined();
    expect(state.status).toBe('COMPLETED');
  });

  it('targetNodeId reuses cached ancestors', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(pipeline());
    await engine.execute({ graph: g }).result;
    const state = await engine.execute({ graph: g, targetNodeId: 'model', force: false }).result;
    expect(state.nodes.prompt!.cached).toBe(true);
    expect(state.nodes.model!.cached).toBe(true);
    expect(calls.get('model')).toBe(1);
  });

  it('reuses completed states handed in (retry, resume) without running them', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(pipeline());
    const first = await engine.execute({ graph: g, force: true }).result;
    const reuse = { prompt: first.nodes.prompt!, model: first.nodes.model! };
    const state = await engine.execute({ graph: g, force: true, reuse }).result;
    expect(calls.get('model')).toBe(1);
    expect(calls.get('up')).toBe(2);
    expect(state.nodes.model!.output).toEqual(first.nodes.model!.output);
  });
});

describe('provider job ids', () => {
  it('stores a job id before the node waits, and hands it back to a re-run of that node', async () => {
    const { engine, compile, registry, recorder } = harness();
    const seen: Array<string | undefined> = [];
    registry.register({
      nodeType: 'generate:t_remote',
      label: 'Remote',
      category: 'model',
      description: 'test',
      cost: () => 1,
      timeoutMs: 5_000,
      cacheable: false,
      inputs: [],
      outputs: [{ name: 'out', type: 'text' }],
      config: (await import('zod')).z.strictObject({}),
      run: async (ctx) => {
        seen.push(ctx.providerJob.previousId);
        await ctx.providerJob.remember(`job-${seen.length}`);
        const stored = recorder.executions.get(ctx.executionId)?.nodes.remote?.providerJobIds;
        expect(stored).toEqual({ 0: `job-${seen.length}` });
        return { out: ctx.providerJob.previousId ?? 'fresh' };
      },
    });
    const g = compile(graph({ remote: ['generate:t_remote'] }));
    const first = await engine.execute({ graph: g }).result;
    expect(first.nodes.remote!.providerJobIds).toEqual({ 0: 'job-1' });
    const interrupted = { ...first.nodes.remote!, status: 'RUNNING' as const };
    const resumed = await engine.execute({ graph: g, reuse: { remote: interrupted } }).result;
    expect(seen).toEqual([undefined, 'job-1']);
    expect(resumed.nodes.remote!.output).toEqual({ out: 'job-1' });
  });

  /** A remote node whose first attempt starts a job and then fails as `failFirst` says. */
  function flakyRemote(seen: Array<string | undefined>, failFirst: (signal: AbortSignal) => Promise<never>): NodeType {
    return {
      nodeType: 'generate:t_flaky',
      label: 'Flaky remote',
      category: 'model',
      description: 'test',
      cost: () => 1,
      timeoutMs: 200,
      maxRetries: 1,
      cacheable: false,
      inputs: [],
      outputs: [{ name: 'out', type: 'text' }],
      config: z.strictObject({}),
      run: async (ctx) => {
        seen.push(ctx.providerJob.previousId);
        if (ctx.providerJob.previousId !== undefined) return { out: `attached to ${ctx.providerJob.previousId}` };
        await ctx.providerJob.remember(`job-${seen.length}`);
        if (ctx.attempt === 1) return failFirst(ctx.signal);
        return { out: `submitted job-${seen.length}` };
      },
    };
  }

  it('re-attaches a retry to the job its failed attempt started, so the job is submitted once', async () => {
    const { engine, compile, registry } = harness();
    const seen: Array<string | undefined> = [];
    registry.register(
      flakyRemote(seen, async () => {
        throw new PipewrightError('provider_unavailable', 'status checks kept failing');
      }),
    );
    const state = await engine.execute({ graph: compile(graph({ remote: ['generate:t_flaky'] })) }).result;
    expect(seen).toEqual([undefined, 'job-1']);
    expect(state.nodes.remote!.output).toEqual({ out: 'attached to job-1' });
  });

  it('starts afresh after an attempt that timed out, since that attempt cancelled its job', async () => {
    const { engine, compile, registry } = harness();
    const seen: Array<string | undefined> = [];
    registry.register(flakyRemote(seen, (signal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))));
    const state = await engine.execute({ graph: compile(graph({ remote: ['generate:t_flaky'] })) }).result;
    expect(seen).toEqual([undefined, undefined]);
    expect(state.nodes.remote!.output).toEqual({ out: 'submitted job-2' });
  });
});
