import { PipewrightError } from '../errors/index.js';
import type { PlanLimits } from './wire/index.js';

/**
 * The operator's limits, set for every account of a server whatever its plan (docs/api.md "Rate
 * limits"): each variable, and the `serve` flag of the same name, takes a whole number above 0 or
 * `unlimited`. `0` is refused rather than read as "no limit" or "nothing allowed": a limit that
 * refuses every request is never what an operator means, and a zero that quietly lifts the limit
 * is the surprise a reader of the setting must not get.
 */
export const OPERATOR_LIMIT_VARIABLES = {
  requestsPerMinute: 'PIPEWRIGHT_REQUESTS_PER_MINUTE',
  executionsPerMinute: 'PIPEWRIGHT_EXECUTIONS_PER_MINUTE',
  executionsPerDay: 'PIPEWRIGHT_EXECUTIONS_PER_DAY',
} as const satisfies Record<keyof PlanLimits, string>;

export type OperatorLimitInput = Partial<Record<keyof PlanLimits, string | undefined>>;

/** Each limit given in `raw` (a flag's or a variable's text), parsed; `source` names where each came from, for the refusal. */
export function parseOperatorLimits(raw: OperatorLimitInput, source: Record<keyof PlanLimits, string>): Partial<PlanLimits> {
  const limits: Partial<PlanLimits> = {};
  for (const name of Object.keys(OPERATOR_LIMIT_VARIABLES) as Array<keyof PlanLimits>) {
    const text = raw[name];
    if (text !== undefined && text.trim() !== '') limits[name] = parseLimit(text, source[name]);
  }
  return limits;
}

/** `PIPEWRIGHT_REQUESTS_PER_MINUTE`, `PIPEWRIGHT_EXECUTIONS_PER_MINUTE`, `PIPEWRIGHT_EXECUTIONS_PER_DAY`; an empty one is unset. */
export function operatorLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<PlanLimits> {
  const raw: OperatorLimitInput = {};
  for (const [name, variable] of Object.entries(OPERATOR_LIMIT_VARIABLES) as Array<[keyof PlanLimits, string]>) raw[name] = env[variable];
  return parseOperatorLimits(raw, OPERATOR_LIMIT_VARIABLES);
}

/** A whole number above 0, or null for `unlimited`. */
function parseLimit(raw: string, source: string): number | null {
  const text = raw.trim();
  if (text.toLowerCase() === 'unlimited') return null;
  if (/^[1-9][0-9]{0,8}$/.test(text)) return Number(text);
  const zero = /^0+$/.test(text) ? ' (0 would refuse everything; write unlimited for no limit)' : '';
  throw new PipewrightError('invalid_field', `${source} must be a whole number above 0 or "unlimited", got "${raw}"${zero}`, { details: { field: source } });
}
