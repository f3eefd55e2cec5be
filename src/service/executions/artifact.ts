import { PipewrightError } from '../../errors/index.js';
import type { Principal } from '../principal.js';
import type { ExecutionDeps } from './deps.js';

/** `GET /artifacts/{id}`: bytes for the account that owns the artifact; anyone else sees nothing there. */
export async function readArtifact(deps: ExecutionDeps, principal: Principal, artifactId: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const stored = (await ownedBy(deps, principal, artifactId)) ? await deps.dispatcher.artifacts.get(artifactId) : undefined;
  if (stored === undefined) throw new PipewrightError('not_found', `No artifact ${artifactId}`);
  return { bytes: stored.bytes, contentType: stored.contentType };
}

/** Where the owner finds the file on this machine; undefined for anyone else, or when the store keeps no local files. */
export async function artifactFileUrl(deps: ExecutionDeps, principal: Principal, artifactId: string): Promise<string | undefined> {
  return (await ownedBy(deps, principal, artifactId)) ? deps.dispatcher.artifacts.fileUrl(artifactId) : undefined;
}

async function ownedBy(deps: ExecutionDeps, principal: Principal, artifactId: string): Promise<boolean> {
  const record = await deps.store.artifacts.get(artifactId);
  return record !== undefined && record.accountId === principal.accountId;
}
