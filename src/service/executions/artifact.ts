import { PipewrightError } from '../../errors/index.js';
import type { Principal } from '../principal.js';
import type { ExecutionDeps } from './deps.js';

/** `GET /artifacts/{id}`: bytes for the account that owns the artifact; anyone else sees nothing there. */
export async function readArtifact(deps: ExecutionDeps, principal: Principal, artifactId: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const record = await deps.store.artifacts.get(artifactId);
  const stored = record !== undefined && record.accountId === principal.accountId ? await deps.dispatcher.artifacts.get(artifactId) : undefined;
  if (stored === undefined) throw new PipewrightError('not_found', `No artifact ${artifactId}`);
  return { bytes: stored.bytes, contentType: stored.contentType };
}
