import type { PlanLimits } from './wire/index.js';
import type { Plan } from './principal.js';
import type { Links } from './workflows/links.js';

export interface ServiceSettings {
  /** The public URLs handed out (made by the REST face, which owns their paths); its base also marks our own artifact URLs. */
  links: Links;
  /** Credits granted to the account bootstrap creates. Default 1000. */
  startingCredits?: number;
  /** The plan of the account bootstrap creates. Default `pro`. */
  defaultPlan?: Plan;
  /** Overrides of the docs/api.md defaults, per plan and per limit. */
  planLimits?: Partial<Record<Plan, Partial<PlanLimits>>>;
  /**
   * The operator's limits for every account whatever its plan, over `planLimits`
   * (`PIPEWRIGHT_REQUESTS_PER_MINUTE` and its siblings, or the `serve` flags; see ./operator-limits.ts).
   * null is unlimited.
   */
  limits?: Partial<PlanLimits>;
  /** How long a signed artifact URL opens its file, in seconds. Default 7 days. */
  artifactUrlTtlSeconds?: number;
}

export const DEFAULT_ARTIFACT_URL_TTL_SECONDS = 7 * 24 * 3600;

/** docs/api.md "Rate limits and plans". null is unlimited. */
export const DEFAULT_PLAN_LIMITS: Readonly<Record<Plan, PlanLimits>> = {
  free: { requestsPerMinute: 10, executionsPerMinute: 10, executionsPerDay: 50 },
  starter: { requestsPerMinute: 20, executionsPerMinute: 10, executionsPerDay: 200 },
  pro: { requestsPerMinute: 60, executionsPerMinute: 10, executionsPerDay: 1000 },
  enterprise: { requestsPerMinute: 200, executionsPerMinute: 10, executionsPerDay: null },
};

export const DEFAULT_STARTING_CREDITS = 1000;
export const DEFAULT_PLAN: Plan = 'pro';

/** The one answer to "what may this account do": REST's rate limits, admission's daily cap and the usage view all read it. */
export function limitsFor(settings: ServiceSettings, plan: Plan): PlanLimits {
  return { ...DEFAULT_PLAN_LIMITS[plan], ...settings.planLimits?.[plan], ...settings.limits };
}
