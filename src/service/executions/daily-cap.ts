import { PipewrightError } from '../../errors/index.js';

const DAY_MS = 86_400_000;

/** Daily caps count executions since 00:00 UTC: the day every account shares, whatever its clock. */
export function startOfUtcDay(now: Date): string {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS).toISOString();
}

export function dailyCapReached(input: { now: Date; cap: number; used: number; wanted: number }): PipewrightError {
  const retryAfter = Math.max(1, Math.ceil((Date.parse(startOfUtcDay(input.now)) + DAY_MS - input.now.getTime()) / 1000));
  const left = Math.max(0, input.cap - input.used);
  return new PipewrightError(
    'rate_limited',
    `Daily execution limit reached: ${input.used} of ${input.cap} used today (UTC), ${input.wanted} requested, ${left} left; it resets at 00:00 UTC`,
    { details: { retryAfter, limit: input.cap, used: input.used } },
  );
}
