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
  if (/^file:/i.test(ref)) return readLocalFile(filePath(ref), deps);
  if (URL_SCHEME.test(ref)) {
    throw new PipewrightError('unsupported_media_ref', `Cannot read media from a ${ref.split(':')[0]}: URL; use http(s), data: or a file path`, {
      kind: 'user',
    });
  }
  return readLocalFile(resolve(ref), deps);
}

async function readArtifact(id: string, artifacts: ArtifactStore): Promise<Media> {
  // Our own store: no policy applies, the workflow only names what a run already produced.
  const artifact = await artifacts.get(id);
  if (!artifact) throw new PipewrightError('media_not_found', `Artifact ${id} does not exist`, { kind: 'user', details: { id } });
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
      kind: transient ? 'operational' : 'user', transient, details: { host, status },
    });
  }
  const contentType = await sniffContentType(response.body, response.headers['content-type'], contentTypeForPath(new URL(response.url).pathname));
  return { bytes: response.body, contentType };
}

async function readLocalFile(path: string, deps: MediaDeps): Promise<Media> {
  if (!deps.policy.allowLocalFiles) {
    throw new PipewrightError('forbidden_target', `Reading local files (${path}) is not allowed here. The operator can allow it with PIPEWRIGHT_ALLOW_LOCAL_FILES=1.`, {
      kind: 'user', details: { path, setting: 'PIPEWRIGHT_ALLOW_LOCAL_FILES' },
    });
  }
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw unreadable(path, error);
  });
  if (!info?.isFile()) {
    throw new PipewrightError('media_not_found', info ? `${path} is not a file` : `No file at ${path}`, { kind: 'user', details: { path } });
  }
  if (info.size > deps.policy.maxResponseBytes) {
    throw new PipewrightError('media_too_large', `${path} is larger than the ${deps.policy.maxResponseBytes}-byte limit`, {
      kind: 'user', details: { path, maxBytes: deps.policy.maxResponseBytes },
    });
  }
  const bytes = await readFile(path, deps.signal ? { signal: deps.signal } : {}).catch((error: NodeJS.ErrnoException) => {
    deps.signal?.throwIfAborted();
    throw unreadable(path, error);
  });
  return { bytes, contentType: await sniffContentType(bytes, contentTypeForPath(path)) };
}

function unreadable(path: string, error: NodeJS.ErrnoException): PipewrightError {
  return new PipewrightError('media_read_failed', `Cannot read ${path}${error.code ? ` (${error.code})` : ''}`, {
    kind: 'operational', cause: error, details: { path },
  });
}

function filePath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    throw new PipewrightError('invalid_url', 'Not a valid file: URL (it must be file:///absolute/path)', { kind: 'user' });
  }
}
