import type { CallbackAttemptRecord, CallbackOutcome } from '../../store/index.js';

/**
 * What follows the latest attempt: delivered on a 2xx; else the next wait of the retry list, counted
 * by the attempts already made; failed once the list is spent. The webhook-id never changes.
 */
export function nextStep(attempts: CallbackAttemptRecord[], retryDelaysMs: readonly number[], now: Date): CallbackOutcome {
  const last = attempts[attempts.length - 1];
  if (last !== undefined && last.error === null) return { attempts, state: 'delivered', nextAttemptAt: null };
  const wait = retryDelaysMs[attempts.length - 1];
  if (wait === undefined) return { attempts, state: 'failed', nextAttemptAt: null };
  return { attempts, state: 'waiting', nextAttemptAt: new Date(now.getTime() + wait).toISOString() };
}
