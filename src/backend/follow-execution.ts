import { isPipewrightError } from '../errors/index.js';
import type { NodeStatus, PollView } from '../service/index.js';
import type { Backend } from './backend.js';
import { waitForExecution } from './wait-for-execution.js';

/** A node that reached a new status (PENDING is never told). */
export interface NodeChange {
  nodeId: string;
  status: NodeStatus;
  error: string | null;
}

export interface FollowExecutionOptions {
  backend: Backend;
  executionId: string;
  signal?: AbortSignal;
  onNode: (change: NodeChange) => Promise<void> | void;
}

/**
 * Follows a run to its end by its event stream, telling each node's change of status as it
 * happens; resolves with the final poll. Against a server without the stream (404 or 405 on it:
 * an older pipewright, a compatible API) it polls instead, telling the changes each poll finds.
 */
export async function followExecution({ backend, executionId, signal, onNode }: FollowExecutionOptions): Promise<PollView> {
  const options = signal === undefined ? {} : { signal };
  try {
    for await (const event of backend.executionEvents(executionId, options)) {
      if (!event.type.startsWith('node.') || event.type === 'node.progress') continue;
      const { nodeId, status, error } = event.data as { nodeId: string; status: NodeStatus; error?: { message?: string } };
      await onNode({ nodeId, status, error: error?.message ?? null });
    }
    return await backend.pollExecution(executionId, options);
  } catch (error) {
    if (!eventStreamUnavailable(error)) throw error;
  }
  const seen = new Map<string, string>();
  return waitForExecution({
    backend,
    executionId,
    ...options,
    onPoll: async (view) => {
      for (const node of view.nodeStates) {
        if (node.status === 'PENDING' || seen.get(node.nodeId) === node.status) continue;
        seen.set(node.nodeId, node.status);
        await onNode({ nodeId: node.nodeId, status: node.status, error: node.error });
      }
    },
  });
}

/**
 * Whether `executionEvents` failed because the server has no event stream (404 or 405 on it). A
 * 404 may also mean no such execution: a poll that follows says so in its own words.
 */
export function eventStreamUnavailable(error: unknown): boolean {
  return isPipewrightError(error) && (error.details.status === 404 || error.details.status === 405);
}
