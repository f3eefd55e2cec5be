import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, IdempotencyRecordsTable } from '../database.js';
import type { IdempotencyBegin, IdempotencyClaim, IdempotencyFingerprint } from '../records.js';
import type { IdempotencyRepository } from '../store.js';
import { atomic } from '../atomic.js';
import { fromJson, toJson } from '../json.js';

/**
 * A claim whose request never finished — the process died while handling it — would block its
 * key until it expires. Past this age an unfinished claim counts as absent, so the client's retry
 * goes through. Far longer than any request takes: handlers queue work, they do not wait for it.
 */
export const ABANDONED_CLAIM_MS = 5 * 60_000;

export function idempotencyRepository(db: Kysely<Database>, now: () => Date): IdempotencyRepository {
  const table = 'idempotency_records' as const;
  const byKey = (conn: Kysely<Database>, accountId: string, key: string) =>
    conn.selectFrom(table).selectAll().where('account_id', '=', accountId).where('idem_key', '=', key);
  /** The claim's own row, still in flight: a stored answer is final, and a taken-over claim is another's. */
  const heldBy =
    ({ accountId, key, claim }: IdempotencyClaim) =>
    (eb: ExpressionBuilder<Database, typeof table>) =>
      eb.and([
        eb('account_id', '=', accountId),
        eb('idem_key', '=', key),
        eb('state', '=', 'in_flight'),
        ...(claim === undefined ? [] : [eb('claim', '=', claim)]),
      ]);
  return {
    begin(accountId, key, fingerprint, expiresAt) {
      const at = now();
      const claim = {
        account_id: accountId,
        idem_key: key,
        method: fingerprint.method,
        path: fingerprint.path,
        body_hash: fingerprint.bodyHash,
        state: 'in_flight' as const,
        response_status: null,
        response_headers: null,
        response_body: null,
        created_at: at.toISOString(),
        expires_at: expiresAt,
        claim: randomBytes(16).toString('hex'),
      };
      const abandonedBefore = new Date(at.getTime() - ABANDONED_CLAIM_MS).toISOString();
      // One upsert claims the key when it is free, expired or abandoned; otherwise nothing is
      // written and the row that holds the key says why. Both in one transaction, so two
      // requests with the same key can never both be told to run.
      return atomic(db, async (trx) => {
        const claimed = await trx
          .insertInto(table)
          .values(claim)
          .onConflict((oc) =>
            oc
              .columns(['account_id', 'idem_key'])
              .doUpdateSet(claim)
              .where((eb) =>
                eb.or([
                  eb(`${table}.expires_at`, '<=', claim.created_at),
                  eb.and([eb(`${table}.state`, '=', 'in_flight'), eb(`${table}.created_at`, '<', abandonedBefore)]),
                ]),
              ),
          )
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) > 0) return { state: 'started', claim: claim.claim };
        return verdict(await byKey(trx, accountId, key).executeTakeFirstOrThrow(), fingerprint);
      });
    },
    async complete(claim, response) {
      const result = await db
        .updateTable(table)
        .set({ state: 'done', response_status: response.status, response_headers: toJson(response.headers), response_body: response.body })
        .where(heldBy(claim))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async release(claim) {
      const result = await db.deleteFrom(table).where(heldBy(claim)).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async purgeExpired(at) {
      const result = await db.deleteFrom(table).where('expires_at', '<=', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function verdict(row: Selectable<IdempotencyRecordsTable>, fingerprint: IdempotencyFingerprint): IdempotencyBegin {
  if (row.method !== fingerprint.method || row.path !== fingerprint.path || row.body_hash !== fingerprint.bodyHash) return { state: 'mismatch' };
  if (row.state === 'in_flight') return { state: 'in_flight' };
  return {
    state: 'done',
    response: { status: row.response_status ?? 500, headers: fromJson<Record<string, string>>(row.response_headers ?? '{}'), body: row.response_body ?? '' },
  };
}
