import type { Selectable } from 'kysely';
import type { ExecutionsTable, NodeRunsTable } from '../../database.js';
import type { ExecutionOptions, ExecutionRecord, ExecutionTrigger, NodeRunRecord } from '../../records.js';
import type { ExecutionUpdate, NewExecution } from '../../store.js';
import { fromJson, toJson } from '../../json.js';

export const PER_MILLE = 1000;

export function executionRow(id: string, input: NewExecution, createdAt: string): Selectable<ExecutionsTable> {
  return {
    id,
    account_id: input.accountId,
    workflow_id: input.workflowId,
    workflow_version: input.workflowVersion,
    status: 'QUEUED',
    inputs: toJson(input.inputs),
    options: toJson(input.options),
    final_output: null,
    error: null,
    credits: 0,
    estimated_credits: input.estimatedCredits ?? 0,
    runner: input.owner ?? null,
    lease_until: input.leaseUntil ?? null,
    batch_id: input.batchId ?? null,
    retry_of: input.retryOf ?? null,
    trigger: input.trigger,
    created_at: createdAt,
    started_at: null,
    ended_at: null,
  };
}

export function toExecutionRecord(row: Selectable<ExecutionsTable>): ExecutionRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    workflowId: row.workflow_id,
    workflowVersion: row.workflow_version,
    status: row.status,
    inputs: row.inputs === null ? {} : fromJson<Record<string, unknown>>(row.inputs),
    options: row.options === null ? {} : fromJson<ExecutionOptions>(row.options),
    finalOutput: parsed(row.final_output),
    error: parsed(row.error),
    credits: row.credits,
    estimatedCredits: row.estimated_credits,
    owner: row.runner,
    batchId: row.batch_id,
    retryOf: row.retry_of,
    trigger: row.trigger as ExecutionTrigger,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

/** Only the fields given change; JSON fields are stringified here and nowhere else. */
export function updateColumns(fields: ExecutionUpdate): Partial<Selectable<ExecutionsTable>> {
  const columns: Partial<Selectable<ExecutionsTable>> = {};
  if (fields.status !== undefined) columns.status = fields.status;
  if (fields.startedAt !== undefined) columns.started_at = fields.startedAt;
  if (fields.endedAt !== undefined) columns.ended_at = fields.endedAt;
  if (fields.finalOutput !== undefined) columns.final_output = fields.finalOutput === null ? null : toJson(fields.finalOutput);
  if (fields.error !== undefined) columns.error = fields.error === null ? null : toJson(fields.error);
  if (fields.credits !== undefined) columns.credits = fields.credits;
  return columns;
}

/** Every column a node write replaces (all but the keys and `position`). */
export function nodeColumns(node: NodeRunRecord): Omit<Selectable<NodeRunsTable>, 'execution_id' | 'node_id' | 'position'> {
  return {
    node_type: node.nodeType,
    label: node.label,
    status: node.status,
    attempts: node.attempts,
    credits: node.credits,
    cached: node.cached ? 1 : 0,
    output: optionalJson(node.output),
    error: optionalJson(node.error),
    logs: toJson(node.logs),
    iterations: optionalJson(node.iterations),
    skip_reason: node.skipReason ?? null,
    progress: node.progress === undefined ? null : Math.round(node.progress * PER_MILLE),
    provider_job_ids: optionalJson(node.providerJobIds),
    started_at: node.startedAt ?? null,
    ended_at: node.endedAt ?? null,
    duration_ms: node.durationMs ?? null,
  };
}

export function toNodeRunRecord(row: Selectable<NodeRunsTable>): NodeRunRecord {
  const optional = {
    startedAt: row.started_at ?? undefined,
    endedAt: row.ended_at ?? undefined,
    durationMs: row.duration_ms ?? undefined,
    output: parsed<Record<string, unknown>>(row.output) ?? undefined,
    error: parsed<NonNullable<NodeRunRecord['error']>>(row.error) ?? undefined,
    skipReason: row.skip_reason ?? undefined,
    progress: row.progress === null ? undefined : row.progress / PER_MILLE,
    iterations: parsed<unknown[]>(row.iterations) ?? undefined,
    providerJobIds: parsed<Record<string, string>>(row.provider_job_ids) ?? undefined,
  };
  const record: NodeRunRecord = {
    nodeId: row.node_id,
    nodeType: row.node_type,
    label: row.label ?? row.node_id,
    status: row.status,
    attempts: row.attempts,
    credits: row.credits,
    cached: row.cached === 1,
    logs: row.logs === null ? [] : fromJson<string[]>(row.logs),
  };
  // Absent stays absent: a record read back equals the state that was written.
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(record, { [key]: value });
  return record;
}

function optionalJson(value: unknown): string | null {
  return value === undefined ? null : toJson(value);
}

function parsed<T = Record<string, unknown>>(text: string | null): T | null {
  return text === null ? null : fromJson<T>(text);
}
