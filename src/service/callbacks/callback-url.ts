import { isPipewrightError, PipewrightError } from '../../errors/index.js';
import { assertAllowedUrl, type SecurityPolicy } from '../../net/index.js';

/**
 * Refuses, at admission, a callback URL the network rules forbid (docs/security.md): the same
 * check node fetches make, so an address a workflow may not fetch cannot be called back either.
 * The sender checks again on every connection it opens, since a name may resolve elsewhere later.
 */
export async function assertCallbackUrl(url: string, policy: SecurityPolicy): Promise<void> {
  try {
    await assertAllowedUrl(url, policy);
  } catch (error) {
    if (!isPipewrightError(error) || error.code !== 'forbidden_target') throw error;
    throw new PipewrightError('callback_url_forbidden', `callbackUrl: ${error.message}`, { details: { field: 'callbackUrl', ...error.details } });
  }
}
