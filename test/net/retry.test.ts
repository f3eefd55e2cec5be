import { describe, expect, it } from 'vitest';
import { retry, type RetryEvent } from '../../src/net/index.js';

class Flaky extends Error {
  constructor(
    readonly transient: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(transient ? 'try again' : 'give up');
  }
}

/** Fails with `failures` in turn, then resolves with the attempt number. */
function failing(...failures: Flaky[]) {
  const calls: number[] = [];
  const attempt = async (n: number) => {
    calls.push(performance.now());
    const failure = failures[n - 1];
    if (failure) throw failure;
    return n;
  };
  return { attempt, calls };
}

const fast = { minDelayMs: 20, maxDelayMs: 60, factor: 2 };
const transientOnly = (error: unknown) => (error as Flaky).transient;

describe('retry', () => {
  it('retries what the caller calls retryable, backing off within [d/2, d] of min(max, min × factor^(n-1))', async () => {
    const events: RetryEvent[] = [];
    const { attempt, calls } = failing(new Flaky(true), new Flaky(true), new Flaky(true));
    const result = await retry(attempt, { retries: 3, backoff: fast, retryable: transientOnly, onRetry: (event) => void events.push(event) });
    expect(result).toBe(4);
    expect(events.map((event) => event.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = events.map((event) => event.delayMs);
    expect(first).toBeGreaterThanOrEqual(10);
    expect(first).toBeLessThanOrEqual(20);
    expect(second).toBeGreaterThanOrEqual(20);
    expect(second).toBeLessThanOrEqual(40);
    expect(third).toBeGreaterThanOrEqual(40);
    expect(third).toBeLessThanOrEqual(60);
    // The reported wait is the wait p-retry makes (timers may fire a little late, never early).
    for (let i = 1; i < calls.length; i++) expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(events[i - 1]!.delayMs - 2);
  });

  it('does not retry what is not retryable, nor past `retries`', async () => {
    const permanent = new Flaky(false);
    await expect(retry(failing(permanent).attempt, { retries: 3, backoff: fast, retryable: transientOnly })).rejects.toBe(permanent);
    const last = new Flaky(true);
    const { attempt, calls } = failing(new Flaky(true), last, new Flaky(true));
    await expect(retry(attempt, { retries: 1, backoff: fast, retryable: transientOnly })).rejects.toBe(last);
    expect(calls).toHaveLength(2);
  });

  it('waits at least what the server asked for', async () => {
    const events: RetryEvent[] = [];
    const { attempt, calls } = failing(new Flaky(true, 150));
    await retry(attempt, {
      retries: 1,
      backoff: fast,
      retryable: transientOnly,
      serverDelayMs: (error) => (error as Flaky).retryAfterMs,
      onRetry: (event) => void events.push(event),
    });
    expect(events.map((event) => event.delayMs)).toEqual([150]);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(148);
  });

  it('ends a wait at once when aborted, rejecting with the reason as given', async () => {
    const controller = new AbortController();
    const { attempt, calls } = failing(new Flaky(true), new Flaky(true));
    const pending = retry(attempt, {
      retries: 2,
      backoff: { minDelayMs: 10_000, maxDelayMs: 10_000, factor: 1 },
      signal: controller.signal,
      retryable: transientOnly,
      onRetry: () => controller.abort('stop'),
    });
    await expect(pending).rejects.toBe('stop');
    expect(calls).toHaveLength(1);
  });
});
