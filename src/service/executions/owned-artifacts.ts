import { AsyncLocalStorage } from 'node:async_hooks';
import type { Artifact, ArtifactPut, ArtifactStore } from '../../artifacts/index.js';
import type { Store } from '../../store/index.js';

export interface ArtifactOwner {
  accountId: string;
  executionId: string;
}

/**
 * The artifact store the engine's nodes write through. One engine serves every account, and a
 * node's `put` does not say whose run it belongs to, so the owner travels with the run's async
 * context (`runAs`): every file is stamped with its execution's account and recorded in the
 * artifacts table, which is what `GET /artifacts/{id}` checks before serving bytes.
 */
export interface OwnedArtifactStoreOptions {
  inner: ArtifactStore;
  store: Pick<Store, 'artifacts'>;
  now: () => Date;
  /**
   * Whether a run may read an artifact nobody owns (made by `pipewright run`, which records no
   * owner). The dispatcher passes its policy's `allowLocalFiles`: where a run may read any local
   * file, such an artifact is just one more; in server mode it is nobody's, so no run reads it.
   */
  readUnowned: boolean;
}

export class OwnedArtifactStore implements ArtifactStore {
  readonly #owner = new AsyncLocalStorage<ArtifactOwner>();

  constructor(private readonly options: OwnedArtifactStoreOptions) {}

  runAs<T>(owner: ArtifactOwner, fn: () => T): T {
    return this.#owner.run(owner, fn);
  }

  async put(artifact: ArtifactPut): Promise<Artifact> {
    const owner = this.#owner.getStore();
    const accountId = owner?.accountId ?? artifact.accountId;
    const stored = await this.options.inner.put(accountId === undefined ? artifact : { ...artifact, accountId });
    await this.options.store.artifacts.record({
      id: stored.id,
      accountId: accountId ?? null,
      executionId: owner?.executionId ?? null,
      contentType: stored.contentType,
      size: stored.size,
      createdAt: this.options.now().toISOString(),
    });
    return stored;
  }

  /**
   * Inside a run, only the run's account's artifacts: a workflow is untrusted data, and an
   * artifact URL it names must not copy another account's bytes into its own (docs/api.md).
   * Refused reads answer undefined, which readers report as `media_not_found`, exactly as for an
   * id that does not exist. Outside a run (the artifact route checks the caller itself) the bytes
   * are served as stored.
   */
  async get(id: string): ReturnType<ArtifactStore['get']> {
    const owner = this.#owner.getStore();
    if (owner !== undefined && !(await this.#readableBy(owner.accountId, id))) return undefined;
    return this.options.inner.get(id);
  }

  async #readableBy(accountId: string, id: string): Promise<boolean> {
    const record = await this.options.store.artifacts.get(id);
    if (record === undefined || record.accountId === null) return this.options.readUnowned;
    return record.accountId === accountId;
  }

  idFromUrl(url: string): string | undefined {
    return this.options.inner.idFromUrl(url);
  }

  async fileUrl(id: string): Promise<string | undefined> {
    return this.options.inner.fileUrl?.(id);
  }
}
