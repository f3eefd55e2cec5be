import { PipewrightError } from '../../errors/index.js';
import type { ApiKeyRecord, Repositories } from '../../store/index.js';
import type { ApiKeyView } from '../contracts.js';
import { SCOPES, type Scope } from '../principal.js';
import { generateApiKey, hashApiKey, isWellFormedApiKey, prefixOf } from './api-key-text.js';

export interface IssueKeyInput {
  accountId: string;
  name?: string;
  scopes?: Scope[];
  expiresAt?: Date;
  /** The operator's own key text (PIPEWRIGHT_API_KEY); otherwise one is generated. */
  key?: string;
}

/** Everything but `admin`: a key made without `--scopes` can use the API but not manage keys. */
export const DEFAULT_KEY_SCOPES: readonly Scope[] = SCOPES.filter((scope) => scope !== 'admin');

/** Checks the request, then stores the hash of a new key. Used by `keys create` and bootstrap. */
export async function issueKey(repos: Repositories, input: IssueKeyInput, now: Date): Promise<{ key: string; view: ApiKeyView }> {
  const scopes = input.scopes ?? [...DEFAULT_KEY_SCOPES];
  const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new PipewrightError('invalid_field', `Scopes must be a non-empty list of ${SCOPES.join(', ')}`, { details: { field: 'scopes', unknown } });
  }
  if (input.expiresAt !== undefined && !(input.expiresAt.getTime() > now.getTime())) {
    throw new PipewrightError('invalid_field', 'expiresAt must be a date in the future', { details: { field: 'expiresAt' } });
  }
  if (input.key !== undefined && !isWellFormedApiKey(input.key)) {
    throw new PipewrightError('invalid_field', 'An API key is sk- followed by at least 32 base62 characters', { details: { field: 'key' } });
  }
  if (!(await repos.accounts.get(input.accountId))) throw new PipewrightError('not_found', `No account ${input.accountId}`);
  const key = input.key ?? generateApiKey();
  const record = await repos.apiKeys.create({
    accountId: input.accountId,
    prefix: prefixOf(key),
    keyHash: hashApiKey(key),
    name: input.name ?? 'API key',
    scopes: [...new Set(scopes)],
    expiresAt: input.expiresAt?.toISOString() ?? null,
  });
  return { key, view: toKeyView(record) };
}

export function toKeyView(record: ApiKeyRecord): ApiKeyView {
  return {
    prefix: record.prefix,
    name: record.name,
    scopes: record.scopes as Scope[],
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    lastUsedAt: record.lastUsedAt,
  };
}
