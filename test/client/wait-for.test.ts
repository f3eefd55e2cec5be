import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type PipewrightClient, type PollInfo } from '../../src/client/index.js';
import { pollingSettings } from '../../src/client/options.js';
import { pollDelay } from '../../src/client/wait-for.js';
import { envelope, startScriptedApi, type ScriptedApi, type Step } from './scripted-api.js';

const KEY = `sk-${'Pp0Oo9Ii'.repeat(5)}`;
let api: ScriptedApi;
let client: PipewrightClient;

beforeAll(async () => {
  api = await startScriptedApi();
  client = createClient({ baseUrl: api.url, apiKey: KEY, polling: { initialDelayMs: 4, factor: 1.5, maxDelayMs: 20 } });
});
afterAll(async () => {
  await client.close();
  await api.close();
});
afterEach(() => api.reset());

const poll = (status: string): Step => ({
  body: { executionId: 'ex_1', status, nodeStates: [], finalOutput: status === 'COMPLETED' ? { out: 1 } : null, error: null },
});

function recorder() {
  const polls: Array<{ status: string } & PollInfo> = [];
  return { polls, onPoll: (view: { status: string }, info: PollInfo) => void polls.push({ status: view.status, ...info }) };
}

describe('executions.waitFor', () => {
  it('backs off ×factor up to the cap, and resolves with the final poll', async () => {
    api.script(poll('QUEUED'), ...Array.from({ length: 5 }, () => poll('RUNNING')), poll('COMPLETED'));
    const { polls, onPoll } = recorder();
    const final = await client.executions.waitFor('ex_1', { onPoll });
    expect(final).toMatchObject({ status: 'COMPLETED', finalOutput: { out: 1 } });
    // 4, 6, 9, 13.5 → 14, 20.25 → capped at 20, 20; none after the final status.
    expect(polls.map((one) => one.nextDelayMs)).toEqual([4, 6, 9, 14, 20, 20, null]);
    expect(polls.map((one) => one.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(api.seen.map((seen) => `${seen.method} ${seen.url}`))).toEqual(new Set(['GET /api/v1/workflows/executions/ex_1/poll']));
  });

  it.each(['FAILED', 'CANCELLED'])('stops at %s', async (status) => {
    api.script(poll('RUNNING'), poll(status));
    expect((await client.executions.waitFor('ex_1')).status).toBe(status);
  });

  it('waits 1 s after the first poll by default', async () => {
    const defaults = createClient({ baseUrl: api.url, apiKey: KEY });
    const controller = new AbortController();
    const delays: Array<number | null> = [];
    api.script(poll('RUNNING'));
    const stop = new Error('seen enough');
    const waiting = defaults.executions.waitFor('ex_1', {
      signal: controller.signal,
      onPoll: (_view, info) => {
        delays.push(info.nextDelayMs);
        controller.abort(stop);
      },
    });
    await expect(waiting).rejects.toBe(stop);
    expect(delays).toEqual([1_000]);
    await defaults.close();
  });

  it('has the default schedule 1 s ×1.5 up to 10 s', () => {
    const defaults = pollingSettings();
    expect(Array.from({ length: 8 }, (_, i) => pollDelay(i + 1, defaults))).toEqual([1_000, 1_500, 2_250, 3_375, 5_063, 7_594, 10_000, 10_000]);
  });

  it('gives up with wait_timeout after timeoutMs; the execution is left running', async () => {
    api.script(...Array.from({ length: 100 }, () => poll('RUNNING')));
    // Long enough for a first poll to answer on a loaded machine, so the last status is known.
    const error = await client.executions.waitFor('ex_1', { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'wait_timeout', kind: 'operational', details: { executionId: 'ex_1', status: 'RUNNING', timeoutMs: 300 } });
    expect(api.seen.every((seen) => seen.url.endsWith('/poll'))).toBe(true);
  });

  it('cuts a poll that hangs when the timeout passes', async () => {
    api.script({ hang: true });
    await expect(client.executions.waitFor('ex_1', { timeoutMs: 50 })).rejects.toMatchObject({ code: 'wait_timeout' });
  });

  it('rejects with the caller’s reason when the signal aborts during a wait', async () => {
    api.script(...Array.from({ length: 50 }, () => poll('RUNNING')));
    const controller = new AbortController();
    const slow = createClient({ baseUrl: api.url, apiKey: KEY, polling: { initialDelayMs: 10_000 } });
    const waiting = slow.executions.waitFor('ex_1', { signal: controller.signal });
    for (let i = 0; i < 100 && api.seen.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort('stop');
    await expect(waiting).rejects.toBe('stop');
    expect(api.seen).toHaveLength(1);
    await slow.close();
  });

  it('passes a poll’s error through: an unknown execution is not_found', async () => {
    api.script(envelope(404, 'not_found'));
    await expect(client.executions.waitFor('ex_nope')).rejects.toMatchObject({ code: 'not_found', details: { status: 404 } });
  });

  it('checks its options', async () => {
    await expect(client.executions.waitFor('ex_1', { factor: 0 })).rejects.toMatchObject({ code: 'invalid_option', details: { option: 'polling.factor' } });
    await expect(client.executions.waitFor('ex_1', { timeoutMs: -5 })).rejects.toMatchObject({ code: 'invalid_option', details: { option: 'timeoutMs' } });
    expect(api.seen).toHaveLength(0);
  });
});
