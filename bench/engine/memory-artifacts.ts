import type { Artifact, ArtifactPut, ArtifactStore } from '../../src/artifacts/index.js';

const SCHEME = 'mem://';

/** Keeps artifacts in a Map: the bench measures scheduling, so it must never touch the disk. */
export class MemoryArtifactStore implements ArtifactStore {
  readonly #items = new Map<string, Artifact & { bytes: Uint8Array }>();

  async put({ bytes, contentType }: ArtifactPut): Promise<Artifact> {
    const id = String(this.#items.size + 1);
    const artifact = { id, url: `${SCHEME}${id}`, contentType, size: bytes.byteLength };
    this.#items.set(id, { ...artifact, bytes });
    return artifact;
  }

  async get(id: string): Promise<(Artifact & { bytes: Uint8Array }) | undefined> {
    return this.#items.get(id);
  }

  idFromUrl(url: string): string | undefined {
    return url.startsWith(SCHEME) ? url.slice(SCHEME.length) : undefined;
  }
}
