import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Repositories, Store } from './store.js';
import { type SqlFlavour, takeTurn } from './sql-flavour.js';
import { accountRepository } from './repositories/accounts.js';
import { apiKeyRepository } from './repositories/api-keys.js';
import { artifactRepository } from './repositories/artifacts.js';
import { executionRepository } from './repositories/executions/repository.js';
import { EventBell } from './repositories/executions/events.js';
import { idempotencyRepository } from './repositories/idempotency.js';
import { workflowRepository } from './repositories/workflows/repository.js';
import { ledgerRepository } from './repositories/ledger.js';
import { outputCacheRepository } from './repositories/output-cache.js';
import { secretRepository } from './repositories/secrets.js';
import { callbackDeliveryRepository } from './repositories/callback-deliveries.js';
import { usageRepository } from './repositories/usage.js';

/**
 * The Store over a Kysely database with the schema of ./migrations, on SQLite or PostgreSQL
 * (`flavour`, default SQLite, names which: sql-flavour.ts).
 */
export function createKyselyStore(db: Kysely<Database>, options: { now?: () => Date; flavour?: SqlFlavour } = {}): Store {
  const now = options.now ?? (() => new Date());
  const flavour = options.flavour ?? 'sqlite';
  const bell = new EventBell();
  const repositories = (conn: Kysely<Database>): Repositories => ({
    accounts: accountRepository(conn, now, flavour),
    apiKeys: apiKeyRepository(conn, now),
    workflows: workflowRepository(conn, now),
    ledger: ledgerRepository(conn, now),
    usage: usageRepository(conn),
    executions: executionRepository(conn, now, bell),
    idempotency: idempotencyRepository(conn, now),
    artifacts: artifactRepository(conn),
    outputCache: outputCacheRepository(conn, now),
    secrets: secretRepository(conn, now),
    callbacks: callbackDeliveryRepository(conn, now),
  });
  return {
    ...repositories(db),
    transaction: (fn) =>
      db.transaction().execute(async (trx) => {
        await takeTurn(trx, flavour);
        return fn(repositories(trx));
      }),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
