import { sleep } from '../../net/sleep.js';

/** Wait between status checks: starts at `initialMs`, grows ×`factor`, never above `maxMs`. */
export interface PollSettings {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_POLL: PollSettings = { initialMs: 500, factor: 1.5, maxMs: 5_000 };

export type PollStep<T> = { done: true; value: T } | { done: false };

/** Checks until `check` says done (or rejects), backing off between checks; an abort ends the wait at once. */
export async function pollUntilDone<T>(check: () => Promise<PollStep<T>>, signal: AbortSignal, settings: PollSettings): Promise<T> {
  let delay = settings.initialMs;
  for (;;) {
    const step = await check();
    if (step.done) return step.value;
    await sleep(delay, signal);
    delay = Math.min(settings.maxMs, delay * settings.factor);
  }
}
