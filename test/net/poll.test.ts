import { describe, expect, it } from 'vitest';
import { poll, type PollInfo } from '../../src/net/index.js';

function counter(doneAt: number) {
  let n = 0;
  return async () => (++n >= doneAt ? 'done' : `not yet ${n}`);
}

describe('poll', () => {
  it('checks until done, backing off ×factor up to the cap, and tells each check and the wait after it', async () => {
    const seen: Array<[string, PollInfo]> = [];
    const value = await poll({
      check: counter(5),
      done: (v) => v === 'done',
      backoff: { initialDelayMs: 2, factor: 2, maxDelayMs: 5 },
      onPoll: (v, info) => void seen.push([v, info]),
    });
    expect(value).toBe('done');
    expect(seen.map(([, info]) => info)).toEqual([
      { attempt: 1, nextDelayMs: 2 },
      { attempt: 2, nextDelayMs: 4 },
      { attempt: 3, nextDelayMs: 5 },
      { attempt: 4, nextDelayMs: 5 },
      { attempt: 5, nextDelayMs: null },
    ]);
  });

  it('answers the last value once the deadline has passed, with a last wait cut to it', async () => {
    const infos: PollInfo[] = [];
    const started = performance.now();
    const value = await poll({
      check: counter(Infinity),
      done: () => false,
      backoff: { initialDelayMs: 40, factor: 1, maxDelayMs: 40 },
      deadlineMs: 100,
      onPoll: (_v, info) => void infos.push(info),
    });
    expect(value).toMatch(/^not yet/);
    expect(infos.at(-1)!.nextDelayMs).toBeNull();
    expect(infos.at(-2)!.nextDelayMs).toBeLessThanOrEqual(40);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects with the signal’s reason when aborted during a wait, and with a check’s rejection', async () => {
    const controller = new AbortController();
    const waiting = poll({
      check: counter(Infinity),
      done: () => false,
      backoff: { initialDelayMs: 10_000, factor: 1, maxDelayMs: 10_000 },
      signal: controller.signal,
      onPoll: () => controller.abort('stop'),
    });
    await expect(waiting).rejects.toBe('stop');
    const broken = new Error('poll failed');
    await expect(poll({ check: () => Promise.reject(broken), done: () => true, backoff: { initialDelayMs: 1, factor: 1, maxDelayMs: 1 } })).rejects.toBe(
      broken,
    );
  });
});
