import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import type { Artifact, ArtifactPut, ArtifactStore } from './artifact-store.js';
import { DEFAULT_CONTENT_TYPE, extensionFor, normalizeContentType } from './media-types.js';

export interface LocalArtifactStoreOptions {
  /** The folder that holds the files; created on first write. */
  dir: string;
  /**
   * Where clients fetch an artifact. Default: a `file://` URL of the stored file (the CLI).
   * The server passes `(id) => `/api/v1/artifacts/${id}``.
   */
  urlFor?: (id: string) => string;
  /**
   * Origins (`https://pw.example`) whose `/api/v1/artifacts/<id>` URLs are this store's own; the
   * server passes its public base URL's. Any other host's such URL is someone else's file and is
   * fetched like any URL. Relative `/api/v1/artifacts/<id>` URLs are always this store's.
   */
  origins?: string[];
}

/** 96 random bits: ids are unguessable, and the pattern is the only gate before a path is built. */
const ID_PATTERN = /^art_[0-9a-f]{24}$/;
const ID_IN_TEXT = /art_[0-9a-f]{24}/;
const FILE_NAME = /^(art_[0-9a-f]{24})\.[a-z0-9]+$/;
const API_PATH = /^\/api\/v1\/artifacts\/(art_[0-9a-f]{24})$/;
/** Relative URLs are resolved against this; `.invalid` never names a real host. */
const RELATIVE_BASE = 'http://relative.invalid';
const HAS_SCHEME = /^[\x00-\x20]*[a-z][a-z0-9+.-]*:/i;

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
  readonly #urlFor: ((id: string) => string) | undefined;
  readonly #origins: ReadonlySet<string>;

  constructor(options: LocalArtifactStoreOptions) {
    this.#dir = resolve(options.dir);
    this.#urlFor = options.urlFor;
    this.#origins = new Set((options.origins ?? []).map(originOf));
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
    if (!ID_PATTERN.test(id)) return undefined;
    const raw = await readIfExists(join(this.#dir, `${id}.meta.json`));
    if (raw === undefined) return undefined;
    const sidecar = SidecarSchema.safeParse(safeJson(raw.toString('utf8')));
    if (!sidecar.success) {
      throw new PipewrightError('artifact_corrupt', `Artifact ${id} has an unreadable record`, { kind: 'operational' });
    }
    const bytes = await readIfExists(join(this.#dir, `${id}.${sidecar.data.extension}`));
    return bytes === undefined ? undefined : { ...this.#artifact(id, sidecar.data), bytes };
  }

  /**
   * Ours: a relative `/api/v1/artifacts/<id>`, the same path on a configured origin, a `file://`
   * URL of a file in the folder, or exactly what `urlFor` makes. Anything else — another
   * pipewright's artifact URL included — is not, and readers fetch it as a URL.
   */
  idFromUrl(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url, RELATIVE_BASE);
    } catch {
      return undefined;
    }
    // A network path (`//host/…`, however spelt) resolves to that host, not to the base.
    const relative = parsed.origin === RELATIVE_BASE && !HAS_SCHEME.test(url);
    if (parsed.protocol === 'file:') return this.#idFromFileUrl(parsed);
    const fromApiPath = API_PATH.exec(parsed.pathname)?.[1];
    if (fromApiPath !== undefined && (relative || this.#origins.has(parsed.origin))) return fromApiPath;
    const candidate = ID_IN_TEXT.exec(url)?.[0];
    return candidate !== undefined && this.#urlFor?.(candidate) === url ? candidate : undefined;
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
    const url = this.#urlFor?.(id) ?? pathToFileURL(join(this.#dir, `${id}.${sidecar.extension}`)).href;
    return { id, url, contentType: sidecar.contentType, size: sidecar.size };
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
        kind: 'operational',
        cause: error,
      });
    }
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new PipewrightError('invalid_config', `Artifact store origin ${JSON.stringify(url)} is not an absolute URL`, { kind: 'bug' });
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
