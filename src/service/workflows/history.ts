import { PipewrightError } from '../../errors/index.js';
import type { WorkflowView } from '../wire/index.js';
import type { Principal } from '../principal.js';
import { loadWorkflow, workflowNotFound, writeVersion, type WorkflowDeps } from './deps.js';
import { contentOf, toWorkflowView } from './views.js';

export async function listVersions(deps: WorkflowDeps, principal: Principal, id: string) {
  const versions = await deps.store.workflows.versions(principal.accountId, id);
  if (!versions) throw workflowNotFound(id);
  return versions.map(({ version, createdAt, note }) => ({ version, updatedAt: createdAt, note }));
}

export async function getVersion(deps: WorkflowDeps, principal: Principal, id: string, version: number): Promise<WorkflowView> {
  const { current, past } = await loadVersion(deps, principal, id, version);
  return toWorkflowView(current, deps.links, { content: past, version: past.version, createdAt: past.createdAt });
}

/** Restoring never rewrites history: v's content becomes a new version on top. */
export async function restoreVersion(deps: WorkflowDeps, principal: Principal, id: string, version: number): Promise<WorkflowView> {
  const { current, past } = await loadVersion(deps, principal, id, version);
  const record = await writeVersion(deps, current, { content: contentOf(past), note: `restored from v${version}` });
  return toWorkflowView(record, deps.links);
}

async function loadVersion(deps: WorkflowDeps, principal: Principal, id: string, version: number) {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new PipewrightError('invalid_field', 'A version is a whole number from 1', { details: { field: 'version' } });
  }
  const current = await loadWorkflow(deps, principal.accountId, id);
  const past = await deps.store.workflows.version(principal.accountId, id, version);
  if (!past) throw new PipewrightError('not_found', `Workflow ${id} has no version ${version}`);
  return { current, past };
}
