import { PipewrightError } from '../../errors/index.js';
import type { Repositories } from '../../store/index.js';
import { hashApiKey, isWellFormedApiKey, prefixOf } from './api-key-text.js';
import { issueKey } from './issue-key.js';

/**
 * `PIPEWRIGHT_API_KEY` on a store that already has its account: the operator means to call the
 * server with it, so it is honoured rather than ignored. A key the store does not know yet becomes
 * an admin key of the default account (`added`); one it knows is left as it is, scopes included. A
 * key the store has revoked or that has expired is refused at start, naming the variable: bringing
 * it back would undo an operator's revocation.
 */
export async function honourOperatorKey(repos: Repositories, accountId: string, key: string, now: Date): Promise<{ added: boolean }> {
  if (!isWellFormedApiKey(key)) {
    throw new PipewrightError('invalid_field', 'PIPEWRIGHT_API_KEY is not an API key: an API key is sk- followed by at least 32 base62 characters', {
      details: { field: 'PIPEWRIGHT_API_KEY' },
    });
  }
  const known = await repos.apiKeys.findByHash(hashApiKey(key));
  if (known === undefined) {
    await issueKey(repos, { accountId, name: 'admin (PIPEWRIGHT_API_KEY)', scopes: ['admin'], key }, now);
    return { added: true };
  }
  const ended = known.revokedAt !== null ? 'was revoked' : known.expiresAt !== null && Date.parse(known.expiresAt) <= now.getTime() ? 'has expired' : undefined;
  if (ended !== undefined) {
    throw new PipewrightError(
      'invalid_field',
      `PIPEWRIGHT_API_KEY names a key of this store that ${ended} (${prefixOf(key)}…): unset it, or set a new key (pipewright keys create makes one)`,
      { details: { field: 'PIPEWRIGHT_API_KEY' } },
    );
  }
  return { added: false };
}
