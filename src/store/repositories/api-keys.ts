import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from '../database.js';
import type { ApiKeyRecord } from '../records.js';
import type { ApiKeyRepository } from '../store.js';
import { newId } from '../ids.js';
import { fromJson, toJson } from '../json.js';

export function apiKeyRepository(db: Kysely<Database>, now: () => Date): ApiKeyRepository {
  const byId = async (accountId: string, id: string) => {
    const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    return row && toRecord(row);
  };
  return {
    async create(input) {
      const row = {
        id: newId('key'),
        account_id: input.accountId,
        prefix: input.prefix,
        key_hash: input.keyHash,
        name: input.name,
        scopes: toJson(input.scopes),
        created_at: now().toISOString(),
        expires_at: input.expiresAt,
        revoked_at: null,
        last_used_at: null,
      };
      await db.insertInto('api_keys').values(row).execute();
      return toRecord(row);
    },
    async findByHash(keyHash) {
      const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
      return row && toRecord(row);
    },
    async listByAccount(accountId) {
      const rows = await db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },
    async revoke(accountId, id) {
      await db
        .updateTable('api_keys')
        .set({ revoked_at: now().toISOString() })
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .execute();
      return byId(accountId, id);
    },
    async touch(id, at) {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

function toRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    prefix: row.prefix,
    keyHash: row.key_hash,
    name: row.name,
    scopes: fromJson<string[]>(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
