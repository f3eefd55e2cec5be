import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipewrightError } from '../../errors/index.js';
import { guardedFetch, type SecurityPolicy } from '../../net/index.js';
import { contentTypeForPath, type ArtifactStore } from '../../artifacts/index.js';
import { decodeDataUri } from './data-uri.js';
import { sniffContentType } from './sniff.js';

export interface MediaDeps {
  artifacts: ArtifactStore;
  policy: SecurityPolicy;
  signal?: AbortSignal;
}

export interface Media {
  bytes: Uint8Array;
  contentType: string;
}

/** A scheme of two letters or more: `C:\x.png` is a Windows path, not a URL. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * The bytes behind a media reference (an image, video or audio input): one of our artifact
 * URLs, a `data:` URI, an http(s) URL (fetched under the policy) or a local file (only where the
 * policy allows local files).
 */
export async function readMedia(ref: string, deps: MediaDeps): Promise<Media> {
  deps.signal?.throwIfAborted();
  const artifactId = deps.artifacts.idFromUrl(ref);
  if (artifactId !== undefined) return readArtifact(artifactId, deps.artifacts);
  if (/^data:/i.test(ref)) {
    const { bytes, contentType } = decodeDataUri(ref, deps.policy.maxResponseBytes);
    return { bytes, contentType: await sniffContentType(bytes, contentType) };
  }
  if (/^https?:/i.test(ref)) return fetchMedia(ref, deps);
  if (/^file:/i.test(ref)) return readLocalFile({ path: filePath(ref), given: ref }, deps);
  if (URL_SCHEME.test(ref)) {
    throw new PipewrightError('unsupported_media_ref', `Cannot read media from a ${ref.split(':')[0]}: URL; use http(s), data: or a file path`, {});
  }
  return readLocalFile({ path: resolve(ref), given: ref }, deps);
}

async function readArtifact(id: string, artifacts: ArtifactStore): Promise<Media> {
  // Our own store: no policy applies, the workflow only names what a run already produced.
  const artifact = await artifacts.get(id);
  if (!artifact) throw new PipewrightError('media_not_found', `Artifact ${id} does not exist`, { details: { id } });
  return { bytes: artifact.bytes, contentType: artifact.contentType };
}

async function fetchMedia(url: string, deps: MediaDeps): Promise<Media> {
  const response = await guardedFetch(url, { policy: deps.policy, ...(deps.signal ? { signal: deps.signal } : {}) });
  const { status } = response;
  if (status < 200 || status > 299) {
    const transient = status === 429 || status >= 500;
    // The message names the host only: query strings may carry tokens.
    const host = new URL(response.url).host;
    throw new PipewrightError('media_fetch_failed', `Fetching media from ${host} failed with HTTP ${status}`, {
      transient,
      details: { host, status },
    });
  }
  const contentType = await sniffContentType(response.body, response.headers['content-type'], contentTypeForPath(new URL(response.url).pathname));
  return { bytes: response.body, contentType };
}

/**
 * `given` is the reference as the workflow wrote it; `path` is where it points on this machine.
 * Messages name only `given`: a relative path resolved here would tell a caller the server's
 * working directory.
 */
interface LocalFile {
  path: string;
  given: string;
}

async function readLocalFile({ path, given }: LocalFile, deps: MediaDeps): Promise<Media> {
  if (!deps.policy.allowLocalFiles) {
    throw new PipewrightError(
      'forbidden_target',
      `Reading local files (${given}) is not allowed here. The operator can allow it with PIPEWRIGHT_ALLOW_LOCAL_FILES=1.`,
      {
        details: { path: given, setting: 'PIPEWRIGHT_ALLOW_LOCAL_FILES' },
      },
    );
  }
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw unreadable(given, error);
  });
  if (!info?.isFile()) {
    throw new PipewrightError('media_not_found', info ? `${given} is not a file` : `No file at ${given}`, { details: { path: given } });
  }
  if (info.size > deps.policy.maxResponseBytes) {
    throw new PipewrightError('media_too_large', `${given} is larger than the ${deps.policy.maxResponseBytes}-byte limit`, {
      details: { path: given, maxBytes: deps.policy.maxResponseBytes },
    });
  }
  const bytes = await readFile(path, deps.signal ? { signal: deps.signal } : {}).catch((error: NodeJS.ErrnoException) => {
    deps.signal?.throwIfAborted();
    throw unreadable(given, error);
  });
  return { bytes, contentType: await sniffContentType(bytes, contentTypeForPath(path)) };
}

function unreadable(given: string, error: NodeJS.ErrnoException): PipewrightError {
  // The cause stays in the server's log; the caller gets the errno code only, never the OS message with its path.
  return new PipewrightError('media_read_failed', `Cannot read ${given}${error.code ? ` (${error.code})` : ''}`, {
    cause: error,
    details: { path: given },
  });
}

function filePath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    throw new PipewrightError('invalid_url', 'Not a valid file: URL (it must be file:///absolute/path)');
  }
}
