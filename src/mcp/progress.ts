import type { NodeStatus, PollView } from '../backend/index.js';
import type { ToolExtra } from './tool-handler.js';

/** Share of a node's work its status stands for; statuses only move forward, so progress only grows. */
const WEIGHT: Record<NodeStatus, number> = { PENDING: 0, RUNNING: 0.5, COMPLETED: 1, FAILED: 1, SKIPPED: 1, CANCELLED: 1 };

/**
 * Turns successive polls into one `notifications/progress` per node transition, when the client
 * asked for progress (sent a progressToken). `progress` counts finished nodes (running ones as
 * half) out of `total` nodes, so it rises with every notification as the protocol requires.
 */
export function progressReporter(extra: ToolExtra): (view: PollView) => Promise<void> {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return async () => {};
  const seen = new Map<string, NodeStatus>();
  let progress = 0;
  return async (view) => {
    const total = view.nodeStates.length;
    for (const node of view.nodeStates) {
      const before = seen.get(node.nodeId) ?? 'PENDING';
      if (before === node.status) continue;
      seen.set(node.nodeId, node.status);
      progress += WEIGHT[node.status] - WEIGHT[before];
      const message = `${node.label || node.nodeId}: ${node.status}${node.error ? ` (${node.error})` : ''}`;
      await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress, total, message } });
    }
  };
}
