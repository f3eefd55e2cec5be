import { parseOperatorLimits, type PlanLimits } from '../../service/index.js';
import type { ServeFlags } from './options.js';

const FLAG_NAMES = { requestsPerMinute: '--requests-per-minute', executionsPerMinute: '--executions-per-minute', executionsPerDay: '--executions-per-day' };

/**
 * The operator's limits given as `serve` flags, parsed by the same rule as their variables
 * (`PIPEWRIGHT_REQUESTS_PER_MINUTE`, …), which the runtime reads and these come before.
 */
export function limitFlags(flags: ServeFlags): Partial<PlanLimits> {
  const { requestsPerMinute, executionsPerMinute, executionsPerDay } = flags;
  return parseOperatorLimits({ requestsPerMinute, executionsPerMinute, executionsPerDay }, FLAG_NAMES);
}
