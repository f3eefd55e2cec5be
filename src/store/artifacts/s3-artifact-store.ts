import { randomBytes } from 'node:crypto';
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  ARTIFACT_ID,
  artifactRef,
  DEFAULT_CONTENT_TYPE,
  normalizeContentType,
  type Artifact,
  type ArtifactPut,
  type ArtifactStore,
} from '../../artifacts/index.js';
import type { S3Location } from './artifact-store-settings.js';
import { artifactOrigins, ownArtifactId } from './own-artifact-urls.js';
import { s3ClientConfig } from './s3-client-config.js';
import { s3Failure } from './s3-failure.js';

export interface S3ArtifactStoreOptions {
  client: S3Client;
  location: S3Location;
  /** Origins whose `…/artifacts/<id>` URLs name this store's objects (`artifactOrigins`). */
  origins?: string[];
}

/** User metadata keys (sent as `x-amz-meta-…`): what the local store's sidecar keeps beside type and size. */
const ACCOUNT_KEY = 'account-id';
const CREATED_KEY = 'created-at';

/**
 * Artifacts as objects in an S3-compatible bucket, one per artifact at `<prefix><id>`, with its
 * content type as the object's and its owner account and creation time as user metadata. Every
 * process given the same bucket reads what any of them stored, so an API process serves files its
 * workers made on other machines. A PUT is atomic in S3: an object is whole or absent, never half.
 * There is no `fileUrl`: the bytes are not on this machine.
 */
export class S3ArtifactStore implements ArtifactStore {
  readonly #client: S3Client;
  readonly #location: S3Location;
  readonly #origins: ReadonlySet<string>;

  constructor(options: S3ArtifactStoreOptions) {
    this.#client = options.client;
    this.#location = options.location;
    this.#origins = artifactOrigins(options.origins);
  }

  /** `s3://bucket/prefix/`: the bucket and prefix messages name. */
  get where(): string {
    return `s3://${this.#location.bucket}/${this.#location.prefix}`;
  }

  /** Fails with what to fix when the bucket is missing, refuses these credentials or cannot be reached. */
  async check(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.#location.bucket }));
    } catch (error) {
      throw s3Failure(error, 'artifact_store_unavailable', 'Could not open the artifact store', this.where);
    }
  }

  async put({ bytes, contentType, accountId }: ArtifactPut): Promise<Artifact> {
    const id = `art_${randomBytes(12).toString('hex')}`;
    const type = normalizeContentType(contentType) || DEFAULT_CONTENT_TYPE;
    const metadata: Record<string, string> = { [CREATED_KEY]: new Date().toISOString(), ...(accountId !== undefined && { [ACCOUNT_KEY]: accountId }) };
    try {
      await this.#client.send(
        new PutObjectCommand({ ...this.#object(id), Body: bytes, ContentType: type, ContentLength: bytes.byteLength, Metadata: metadata }),
      );
    } catch (error) {
      throw s3Failure(error, 'artifact_write_failed', `Could not store artifact ${id}`, this.where);
    }
    return { id, url: artifactRef(id), contentType: type, size: bytes.byteLength };
  }

  async get(id: string): Promise<(Artifact & { bytes: Uint8Array }) | undefined> {
    if (!ARTIFACT_ID.test(id)) return undefined;
    try {
      const object = await this.#client.send(new GetObjectCommand(this.#object(id)));
      const bytes = await object.Body!.transformToByteArray();
      const contentType = normalizeContentType(object.ContentType ?? '') || DEFAULT_CONTENT_TYPE;
      return { id, url: artifactRef(id), contentType, size: bytes.byteLength, bytes };
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw s3Failure(error, 'artifact_store_unavailable', `Could not read artifact ${id}`, this.where);
    }
  }

  /** Ours: a stored reference, the relative URL older records hold, or a `…/artifacts/<id>` URL on a configured origin. */
  idFromUrl(url: string): string | undefined {
    return ownArtifactId(url, this.#origins);
  }

  /** Ends the client's kept-alive connections, so a command that is done can exit. */
  close(): void {
    this.#client.destroy();
  }

  #object(id: string): { Bucket: string; Key: string } {
    return { Bucket: this.#location.bucket, Key: `${this.#location.prefix}${id}` };
  }
}

/** The store on `location`, with the client the AWS variables of `env` describe, once its bucket has answered. */
export async function openS3ArtifactStore(location: S3Location, env: NodeJS.ProcessEnv, origins: string[] = []): Promise<S3ArtifactStore> {
  const store = new S3ArtifactStore({ client: new S3Client(s3ClientConfig(env)), location, origins });
  try {
    await store.check();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}
