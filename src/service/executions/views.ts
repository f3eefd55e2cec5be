import type { ExecutionStatus, NodeStatus } from '../../engine/index.js';
import type { CallbackDeliveryRecord, ExecutionRecord, NodeRunRecord } from '../../store/index.js';
import type { ExecuteAccepted, ExecutionDetail, ExecutionSummary } from '../wire/index.js';

// Records as the faces show them. Statuses are stored as text; only the engine writes them.

export function acceptedView(records: ExecutionRecord[]): ExecuteAccepted {
  const first = records[0]!;
  return {
    executionId: first.id,
    workflowId: first.workflowId,
    status: first.status as ExecutionStatus,
    executionRuns: records.map((record) => ({ id: record.id, status: record.status as ExecutionStatus })),
  };
}

export function summaryView(record: ExecutionRecord): ExecutionSummary {
  return {
    id: record.id,
    workflowId: record.workflowId,
    workflowVersion: record.workflowVersion,
    status: record.status as ExecutionStatus,
    trigger: record.trigger,
    batchId: record.batchId,
    retryOf: record.retryOf,
    credits: record.credits,
    finalOutput: record.finalOutput,
    error: record.error,
    createdAt: record.createdAt,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    durationMs: record.startedAt !== null && record.endedAt !== null ? Date.parse(record.endedAt) - Date.parse(record.startedAt) : null,
  };
}

export function detailView(record: ExecutionRecord, nodes: NodeRunRecord[], callbacks: CallbackDeliveryRecord[] = []): ExecutionDetail {
  return { ...summaryView(record), inputs: record.inputs, nodes: nodes.map(nodeView), callbacks: callbacks.map(callbackView) };
}

/** A completion callback as the detail shows it: its URL is the caller's own, so it is shown as given. */
function callbackView(delivery: CallbackDeliveryRecord): NonNullable<ExecutionDetail['callbacks']>[number] {
  const { id, url, attempts, nextAttemptAt } = delivery;
  return { id, url, state: delivery.state as 'waiting' | 'delivered' | 'failed', attempts, nextAttemptAt };
}

function nodeView(node: NodeRunRecord): ExecutionDetail['nodes'][number] {
  return {
    nodeId: node.nodeId,
    label: node.label,
    nodeType: node.nodeType,
    status: node.status as NodeStatus,
    startedAt: node.startedAt ?? null,
    endedAt: node.endedAt ?? null,
    durationMs: node.durationMs ?? null,
    attempts: node.attempts,
    credits: node.credits,
    cached: node.cached,
    output: node.output ?? null,
    error: node.error === undefined ? null : { code: node.error.code, message: node.error.message },
    logs: node.logs,
    ...(node.skipReason === undefined ? {} : { skipReason: node.skipReason }),
    ...(node.iterations === undefined ? {} : { iterations: node.iterations }),
  };
}
