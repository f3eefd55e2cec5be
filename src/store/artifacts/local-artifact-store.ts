import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import {
  ARTIFACT_ID,
  artifactRef,
  DEFAULT_CONTENT_TYPE,
  extensionFor,
  normalizeContentType,
  type Artifact,
  type ArtifactPut,
  type ArtifactStore,
} from '../../artifacts/index.js';
import { artifactOrigins, ownArtifactId } from './own-artifact-urls.js';

export interface LocalArtifactStoreOptions {
  /** The folder that holds the files; created on first write. */
  dir: string;
  /** Origins whose `…/artifacts/<id>` URLs name this store's files (`artifactOrigins`). */
  origins?: string[];
}

const FILE_NAME = /^(art_[0-9a-f]{24})\.[a-z0-9]+$/;

const SidecarSchema = z.object({
  contentType: z.string(),
  size: z.number().int().min(0),
  extension: z.string().regex(/^[a-z0-9]+$/),
  accountId: z.string().optional(),
  createdAt: z.string(),
});
type Sidecar = z.infer<typeof SidecarSchema>;

/**
 * Artifacts as files in one folder: `<id>.<ext>` holds the bytes and `<id>.meta.json` what `get`
 * needs after a restart. Both are written to a temporary name, synced and renamed, and the sidecar
 * goes last: an artifact exists once its sidecar does, so a crash leaves at most an orphan file,
 * never a readable half.
 */
export class LocalArtifactStore implements ArtifactStore {
  readonly #dir: string;
  readonly #origins: ReadonlySet<string>;

  constructor(options: LocalArtifactStoreOptions) {
    this.#dir = resolve(options.dir);
    this.#origins = artifactOrigins(options.origins);
  }

  async put({ bytes, contentType, accountId }: ArtifactPut): Promise<Artifact> {
    const id = `art_${randomBytes(12).toString('hex')}`;
    const type = normalizeContentType(contentType) || DEFAULT_CONTENT_TYPE;
    const sidecar: Sidecar = {
      contentType: type,
      size: bytes.byteLength,
      extension: extensionFor(type),
      ...(accountId === undefined ? {} : { accountId }),
      createdAt: new Date().toISOString(),
    };
    await mkdir(this.#dir, { recursive: true });
    await this.#writeAtomically(`${id}.${sidecar.extension}`, bytes);
    await this.#writeAtomically(`${id}.meta.json`, JSON.stringify(sidecar));
    return this.#artifact(id, sidecar);
  }

  async get(id: string): Promise<(Artifact & { bytes: Uint8Array }) | undefined> {
    const sidecar = await this.#sidecar(id);
    if (sidecar === undefined) return undefined;
    const bytes = await readIfExists(this.#path(id, sidecar));
    return bytes === undefined ? undefined : { ...this.#artifact(id, sidecar), bytes };
  }

  async fileUrl(id: string): Promise<string | undefined> {
    const sidecar = await this.#sidecar(id);
    return sidecar && pathToFileURL(this.#path(id, sidecar)).href;
  }

  /**
   * Ours: a stored reference or the relative URL older records hold, a `…/artifacts/<id>` URL on
   * a configured origin (signed or not), or a `file://` URL of a file in the folder. Anything
   * else — another pipewright's artifact URL included — is not, and readers fetch it as a URL.
   */
  idFromUrl(url: string): string | undefined {
    return ownArtifactId(url, this.#origins, (file) => this.#idFromFileUrl(file));
  }

  async #sidecar(id: string): Promise<Sidecar | undefined> {
    if (!ARTIFACT_ID.test(id)) return undefined;
    const raw = await readIfExists(join(this.#dir, `${id}.meta.json`));
    if (raw === undefined) return undefined;
    const sidecar = SidecarSchema.safeParse(safeJson(raw.toString('utf8')));
    if (!sidecar.success) {
      throw new PipewrightError('artifact_corrupt', `Artifact ${id} has an unreadable record`);
    }
    return sidecar.data;
  }

  #path(id: string, sidecar: Sidecar): string {
    return join(this.#dir, `${id}.${sidecar.extension}`);
  }

  #idFromFileUrl(url: URL): string | undefined {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      return undefined;
    }
    const id = FILE_NAME.exec(basename(path))?.[1];
    return id !== undefined && dirname(path) === this.#dir ? id : undefined;
  }

  #artifact(id: string, sidecar: Sidecar): Artifact {
    return { id, url: artifactRef(id), contentType: sidecar.contentType, size: sidecar.size };
  }

  async #writeAtomically(name: string, data: Uint8Array | string): Promise<void> {
    const temporary = join(this.#dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, join(this.#dir, name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw new PipewrightError('artifact_write_failed', `Could not store artifact file ${name}`, {
        cause: error,
      });
    }
  }
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
