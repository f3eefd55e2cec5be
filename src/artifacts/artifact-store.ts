/** A file made or kept by a run (an image a node drew, a provider output copied home). */
export interface Artifact {
  id: string;
  /** Its reference (`pipewright://artifacts/{id}`), what outputs hold; each face shows it in its own form. */
  url: string;
  contentType: string;
  size: number;
}

export interface ArtifactPut {
  bytes: Uint8Array;
  contentType: string;
  /** Owner account, when there is one (server mode); the CLI has none. */
  accountId?: string;
}

/**
 * Where node outputs that are files live. A local folder by default; an S3-compatible store is
 * the scale-out seam (docs/architecture.md), so nothing outside this interface may touch the folder.
 */
export interface ArtifactStore {
  put(artifact: ArtifactPut): Promise<Artifact>;
  get(id: string): Promise<(Artifact & { bytes: Uint8Array }) | undefined>;
  /** The artifact id when `url` is one of this store's own URLs, so readers skip the network. */
  idFromUrl(url: string): string | undefined;
  /** A `file://` URL of the stored bytes, for stores that keep them on this machine. */
  fileUrl?(id: string): Promise<string | undefined>;
}
