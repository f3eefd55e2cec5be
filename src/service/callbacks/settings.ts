import { PipewrightError } from '../../errors/index.js';

/** How completion callbacks are sent (docs/events.md, "Completion callbacks"). */
export interface CallbackSettings {
  /** How long one attempt may take, answer included. */
  timeoutMs: number;
  /** The wait before each redelivery, in order; once they are spent, the delivery has failed. */
  retryDelaysMs: readonly number[];
  /** How often a sender asks the store for deliveries that are due. */
  pollMs: number;
  /**
   * Whether a webhook trigger may ask for a callback (`?callbackUrl=`): it sends the run's outputs
   * and signed file URLs to whoever holds the webhook URL. `PIPEWRIGHT_TRIGGER_CALLBACKS=off` refuses it.
   */
  onTriggers: boolean;
}

const HOUR_MS = 3_600_000;

/** About 1 s, 5 s, 30 s, 2 min, 10 min, then hourly for a day (docs/events.md). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000, ...Array<number>(24).fill(HOUR_MS)];

export const DEFAULT_CALLBACK_SETTINGS: CallbackSettings = { timeoutMs: 10_000, retryDelaysMs: DEFAULT_RETRY_DELAYS_MS, pollMs: 1_000, onTriggers: true };

/**
 * `PIPEWRIGHT_CALLBACK_TIMEOUT_SECONDS`, `PIPEWRIGHT_CALLBACK_RETRY_SECONDS` (the waits before each
 * redelivery, comma-separated: `1,5,30`) and `PIPEWRIGHT_CALLBACK_POLL_MS`, for operators and tests;
 * `PIPEWRIGHT_TRIGGER_CALLBACKS` (`on`, the default, or `off`) for operators.
 */
export function callbackSettingsFromEnv(env: NodeJS.ProcessEnv): CallbackSettings {
  const retries = env.PIPEWRIGHT_CALLBACK_RETRY_SECONDS?.trim();
  const timeoutSeconds = positiveSetting(env, 'PIPEWRIGHT_CALLBACK_TIMEOUT_SECONDS');
  return {
    timeoutMs: timeoutSeconds === undefined ? DEFAULT_CALLBACK_SETTINGS.timeoutMs : timeoutSeconds * 1000,
    pollMs: positiveSetting(env, 'PIPEWRIGHT_CALLBACK_POLL_MS') ?? DEFAULT_CALLBACK_SETTINGS.pollMs,
    retryDelaysMs: retries ? retries.split(',').map((part) => delay(part, retries)) : DEFAULT_RETRY_DELAYS_MS,
    onTriggers: onOff(env, 'PIPEWRIGHT_TRIGGER_CALLBACKS') ?? DEFAULT_CALLBACK_SETTINGS.onTriggers,
  };
}

/** A setting that is `on` or `off`. */
function onOff(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (text === 'on' || text === 'off') return text === 'on';
  throw new PipewrightError('invalid_field', `${name} must be on or off, got "${text}"`, { details: { field: name } });
}

/** One wait of the retry list, from 0 seconds. */
function delay(part: string, list: string): number {
  const value = part.trim() === '' ? Number.NaN : Number(part);
  if (Number.isFinite(value) && value >= 0) return value * 1000;
  throw new PipewrightError('invalid_field', `PIPEWRIGHT_CALLBACK_RETRY_SECONDS must be seconds from 0, comma-separated, got "${list}"`, {
    details: { field: 'PIPEWRIGHT_CALLBACK_RETRY_SECONDS' },
  });
}

/** A setting that must be a number above 0 (its unit is in its name). */
function positiveSetting(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (Number.isFinite(value) && value > 0) return value;
  throw new PipewrightError('invalid_field', `${name} must be a number above 0, got "${text}"`, { details: { field: name } });
}
