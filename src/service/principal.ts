import { PipewrightError } from '../errors/index.js';

export const SCOPES = ['workflows:read', 'workflows:write', 'workflows:execute', 'executions:read', 'usage:read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const PLANS = ['free', 'starter', 'pro', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** Who is calling: resolved from a bearer key once per request, then passed to every use case. */
export interface Principal {
  accountId: string;
  keyId: string;
  scopes: readonly Scope[];
  plan: Plan;
}

/** `admin` holds every scope. */
export function requireScope(principal: Principal, scope: Scope): void {
  if (principal.scopes.includes(scope) || principal.scopes.includes('admin')) return;
  throw new PipewrightError('missing_scope', `This key lacks the ${scope} scope`, { details: { requiredScope: scope } });
}

/**
 * Turns use cases into a service's methods, each behind the scope it needs: the check runs
 * before the use case, which can then assume an allowed caller. A refusal is a rejected
 * promise, never a synchronous throw.
 */
export function scopedUseCases<Deps>(deps: Deps) {
  return <Args extends unknown[], Result>(scope: Scope, useCase: (deps: Deps, principal: Principal, ...args: Args) => Promise<Result>) =>
    async (principal: Principal, ...args: Args): Promise<Result> => {
      requireScope(principal, scope);
      return useCase(deps, principal, ...args);
    };
}
