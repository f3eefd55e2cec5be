import { errorEntry } from '../../errors/index.js';
import type { CompatPollView, PollView } from '../wire/index.js';

/**
 * Hosted clients wait for COMPLETED or FAILED only: one that met CANCELLED would poll forever.
 * So REST answers a cancelled execution as FAILED, flagged `cancelled`, with a coded error;
 * the service, and every face of our own, keep CANCELLED.
 */
export function compatPoll(view: PollView): CompatPollView {
  if (view.status !== 'CANCELLED') return { ...view, status: view.status };
  return { ...view, status: 'FAILED', cancelled: true, error: errorEntry('cancelled', view.error ?? undefined) };
}
