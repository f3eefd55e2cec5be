import { PipewrightError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import type { KeyService } from './contracts.js';
import type { AuthCache } from './auth/auth-cache.js';
import { prefixOf } from './auth/api-key-text.js';
import { issueKey, toKeyView } from './auth/issue-key.js';

export function createKeyService(deps: { store: Store; cache: AuthCache; now: () => Date }): KeyService {
  const { store, cache, now } = deps;
  return {
    create: (input) => issueKey(store, input, now()),

    async list(accountId) {
      return (await store.apiKeys.listByAccount(accountId)).map(toKeyView);
    },

    async revoke(accountId, prefix) {
      // A full key names its key too: compare on the stored prefix's length.
      const wanted = prefixOf(prefix);
      const matches = wanted.length < 4 ? [] : (await store.apiKeys.listByAccount(accountId)).filter((key) => key.prefix.startsWith(wanted));
      const [match] = matches;
      if (!match) throw new PipewrightError('not_found', `No key starts with ${prefix}`);
      if (matches.length > 1) {
        throw new PipewrightError('ambiguous_prefix', `${matches.length} keys start with ${prefix}; give more characters`, {
          details: { prefixes: matches.map((key) => key.prefix) },
        });
      }
      const revoked = await store.apiKeys.revoke(accountId, match.id);
      cache.evict(match.keyHash);
      return toKeyView(revoked ?? match);
    },
  };
}
