import type { Kysely, Selectable } from 'kysely';
import type { ArtifactsTable, Database } from '../database.js';
import type { ArtifactRecord } from '../records.js';
import type { ArtifactRepository } from '../store.js';

/** Who owns each stored file: the artifact store keeps bytes, this table keeps ownership. */
export function artifactRepository(db: Kysely<Database>): ArtifactRepository {
  return {
    async record(artifact) {
      await db
        .insertInto('artifacts')
        .values({
          id: artifact.id,
          account_id: artifact.accountId,
          execution_id: artifact.executionId,
          content_type: artifact.contentType,
          size: artifact.size,
          created_at: artifact.createdAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('artifacts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
  };
}

function toRecord(row: Selectable<ArtifactsTable>): ArtifactRecord {
  return { id: row.id, accountId: row.account_id, executionId: row.execution_id, contentType: row.content_type, size: row.size, createdAt: row.created_at };
}
