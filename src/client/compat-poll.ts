import type { CompatPollView, PollView } from '../service/index.js';

/**
 * REST answers a cancelled execution as FAILED with `cancelled: true`, for hosted clients that
 * wait for COMPLETED or FAILED only; this client reads it back as CANCELLED, as every face of
 * ours shows it. An answer without the flag, from any compatible server, is taken as it is.
 */
export function fromCompatPoll(view: CompatPollView): PollView {
  if (view.cancelled !== true) return view;
  const { cancelled, error, ...rest } = view;
  return { ...rest, status: 'CANCELLED', error: error.message };
}
