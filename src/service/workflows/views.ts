import type { WorkflowContent, WorkflowRecord } from '../../store/index.js';
import type { WorkflowSummary, WorkflowView } from '../wire/index.js';
import type { Links } from './links.js';

/** The contract's workflow (docs/workflow-format.md); `at` overrides version and timestamp for a past version. */
export function toWorkflowView(record: WorkflowRecord, links: Links, past?: { content: WorkflowContent; version: number; createdAt: string }): WorkflowView {
  const content = past?.content ?? record;
  return {
    id: record.id,
    name: content.name,
    ...(content.description !== null && { description: content.description }),
    tags: content.tags,
    isActive: content.isActive,
    nodes: content.nodes,
    edges: content.edges,
    version: past?.version ?? record.version,
    webhookId: record.webhookId,
    webhookUrl: links.webhook(record.webhookId),
    createdAt: record.createdAt,
    updatedAt: past?.createdAt ?? record.updatedAt,
  };
}

export function toWorkflowSummary(record: WorkflowRecord, links: Links): WorkflowSummary {
  const { nodes, edges, ...summary } = toWorkflowView(record, links);
  return { ...summary, nodeCount: nodes.length, edgeCount: edges.length };
}

/** The content columns of a record, to write it (or a copy of it) again. */
export function contentOf(record: WorkflowContent): WorkflowContent {
  const { name, description, tags, isActive, nodes, edges } = record;
  return { name, description, tags, isActive, nodes, edges };
}
