import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import type { NodeCatalog } from '../../graph/index.js';
import type { Store, WorkflowContent, WorkflowRecord } from '../../store/index.js';
import type { Providers } from '../../nodes/index.js';
import type { Links } from './links.js';

export interface WorkflowDeps {
  store: Store;
  catalog: NodeCatalog;
  links: Links;
  /** The providers configured here; model nodes without one get a `provider-not-configured` warning. */
  providers?: Providers;
}

/** Another account's workflow and a deleted one are both simply not there (never reveal). */
export async function loadWorkflow(deps: WorkflowDeps, accountId: string, id: string): Promise<WorkflowRecord> {
  const record = await deps.store.workflows.get(accountId, id);
  if (!record) throw workflowNotFound(id);
  return record;
}

export function workflowNotFound(id: string): PipewrightError {
  return new PipewrightError('not_found', `No workflow ${id}`);
}

/**
 * Writes `content` as the next version of `current`, provided nobody else wrote since it was
 * read. `yourBase` is what the client said its copy was based on, echoed in `stale_write`.
 */
export async function writeVersion(
  deps: WorkflowDeps,
  current: WorkflowRecord,
  change: { content: WorkflowContent; note: string; yourBase?: string },
): Promise<WorkflowRecord> {
  const outcome = await deps.store.workflows.update(current.accountId, current.id, {
    content: change.content,
    note: change.note,
    ifUpdatedAt: current.updatedAt,
  });
  if (outcome.status === 'updated') return outcome.workflow;
  if (outcome.status === 'not_found') throw workflowNotFound(current.id);
  throw staleWrite(outcome.currentUpdatedAt, change.yourBase ?? current.updatedAt);
}

const Timestamp = z.iso.datetime({ offset: true });

/**
 * The one check of a client's `baseUpdatedAt` (PUT and PATCH), made before the body is validated
 * so that a stale client learns it first. Compared as instants: stored timestamps are unique to
 * the millisecond, so any ISO 8601 spelling of the same moment is the same version.
 */
export function checkBase(current: WorkflowRecord, yourBase: string | undefined): void {
  if (yourBase === undefined) return;
  if (!Timestamp.safeParse(yourBase).success) {
    throw new PipewrightError(
      'invalid_field',
      `baseUpdatedAt must be an ISO 8601 date-time (the updatedAt your copy was read at, e.g. ${current.updatedAt}); got "${yourBase}"`,
      {
        details: { field: 'baseUpdatedAt' },
      },
    );
  }
  if (Date.parse(yourBase) !== Date.parse(current.updatedAt)) throw staleWrite(current.updatedAt, yourBase);
}

function staleWrite(currentUpdatedAt: string, yourBaseUpdatedAt: string): PipewrightError {
  return new PipewrightError('stale_write', 'The workflow changed since your copy was read; fetch it again and reapply your change', {
    details: { currentUpdatedAt, yourBaseUpdatedAt },
  });
}
