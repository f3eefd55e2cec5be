import { AsyncLocalStorage } from 'node:async_hooks';
import type { Artifact, ArtifactPut, ArtifactStore } from '../../store/artifacts/index.js';
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
export class OwnedArtifactStore implements ArtifactStore {
  readonly #owner = new AsyncLocalStorage<ArtifactOwner>();

  constructor(
    private readonly inner: ArtifactStore,
    private readonly store: Pick<Store, 'artifacts'>,
    private readonly now: () => Date,
  ) {}

  runAs<T>(owner: ArtifactOwner, fn: () => T): T {
    return this.#owner.run(owner, fn);
  }

  async put(artifact: ArtifactPut): Promise<Artifact> {
    const owner = this.#owner.getStore();
    const accountId = owner?.accountId ?? artifact.accountId;
    const stored = await this.inner.put(accountId === undefined ? artifact : { ...artifact, accountId });
    await this.store.artifacts.record({
      id: stored.id,
      accountId: accountId ?? null,
      executionId: owner?.executionId ?? null,
      contentType: stored.contentType,
      size: stored.size,
      createdAt: this.now().toISOString(),
    });
    return stored;
  }

  get(id: string): ReturnType<ArtifactStore['get']> {
    return this.inner.get(id);
  }

  idFromUrl(url: string): string | undefined {
    return this.inner.idFromUrl(url);
  }
}
