// What the page knows about one execution, read from whichever tool result the host hands it
// (execute_workflow, poll_execution or get_execution: docs/mcp.md) and from each poll_execution after.
import { type DetailNode, type ExecutionStatus, type NodeStates, type PollNode, statesFromDetail, statesFromPoll } from '../shared/node-state.js';

export interface RunState {
  executionId: string;
  /** Absent from poll_execution's answer: learnt from an earlier result or from get_execution. */
  workflowId: string | null;
  status: ExecutionStatus;
  error: string | null;
  states: NodeStates;
  /** The output nodes' values once COMPLETED. */
  finalOutput: Record<string, unknown> | null;
}

/** MCP's CallToolResult, as far as the page reads it. */
export interface ToolResultLike {
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
  content?: ReadonlyArray<{ type: string; text?: string }>;
}

/** get_execution's `execution`, as far as the page reads it. */
interface Detail {
  id: string;
  workflowId: string | null;
  status: ExecutionStatus;
  error: { message?: string } | null;
  nodes: DetailNode[];
  finalOutput: Record<string, unknown> | null;
}

const ENDED: readonly ExecutionStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

export function hasEnded(status: ExecutionStatus): boolean {
  return ENDED.includes(status);
}

/** The run a tool result describes, or undefined when it names none (an error result, say). */
export function runFromResult(result: ToolResultLike): RunState | undefined {
  const data = result.structuredContent;
  if (result.isError || data === undefined) return undefined;
  const detail = data.execution as Detail | undefined;
  if (detail !== undefined) {
    const { id, workflowId, status, error, nodes, finalOutput } = detail;
    return { executionId: id, workflowId, status, error: error?.message ?? null, states: statesFromDetail(nodes), finalOutput };
  }
  if (typeof data.executionId !== 'string') return undefined;
  return {
    executionId: data.executionId,
    workflowId: typeof data.workflowId === 'string' ? data.workflowId : null,
    status: data.status as ExecutionStatus,
    error: typeof data.error === 'string' ? data.error : null,
    states: statesFromPoll((data.nodeStates as PollNode[] | undefined) ?? []),
    finalOutput: (data.finalOutput as Record<string, unknown> | null | undefined) ?? null,
  };
}

/** The run after a poll_execution answer, keeping the workflow an earlier result named. */
export function afterPoll(previous: RunState, result: ToolResultLike): RunState {
  const next = runFromResult(result);
  if (next === undefined) throw new Error(textOf(result) || 'poll_execution failed');
  return { ...next, workflowId: next.workflowId ?? previous.workflowId };
}

export function textOf(result: ToolResultLike): string {
  return (result.content ?? []).map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('\n');
}
