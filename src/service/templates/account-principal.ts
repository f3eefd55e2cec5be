import { DEFAULT_PLAN } from '../settings.js';
import type { Principal } from '../principal.js';

/**
 * The operator acting on an account without an API key: the CLI on the store under
 * PIPEWRIGHT_HOME, and the server's first start. It is never the result of authenticating a
 * request, so no caller of the REST API or MCP can obtain it.
 */
export function accountPrincipal(accountId: string): Principal {
  return { accountId, keyId: 'operator', scopes: ['admin'], plan: DEFAULT_PLAN };
}
