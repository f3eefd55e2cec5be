// Following one run through the host: the page has no network of its own (its resource declares
// none), so every read is a tools/call the host forwards to the pipewright MCP server.
import type { WorkflowGraph } from '../shared/execution-graph.js';
import { afterPoll, hasEnded, type RunState, runFromResult, type ToolResultLike } from './run-state.js';

export type CallTool = (name: string, args: Record<string, unknown>) => Promise<ToolResultLike>;

/** As often as poll_execution's description suggests ("every few seconds"), a little faster for a live view. */
const POLL_MS = 1_500;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until the run ends, showing each state, and once even when it has ended (a get_execution
 * record carries outputs by port, the poll the file URLs the graph previews). Stops quietly when
 * `signal` aborts: the host handed the page a newer result.
 */
export async function followRun(callTool: CallTool, first: RunState, show: (run: RunState) => void, signal: AbortSignal): Promise<void> {
  let run = first;
  while (!signal.aborted) {
    run = afterPoll(run, await callTool('poll_execution', { executionId: run.executionId }));
    if (signal.aborted) return;
    show(run);
    if (hasEnded(run.status)) return;
    await pause(POLL_MS);
  }
}

/** The graph the run belongs to, or null when it cannot be read (a deleted workflow). */
export async function loadGraph(callTool: CallTool, run: RunState): Promise<WorkflowGraph | null> {
  const workflowId = run.workflowId ?? runFromResult(await callTool('get_execution', { executionId: run.executionId }))?.workflowId ?? null;
  if (workflowId === null) return null;
  const result = await callTool('get_workflow', { workflowId });
  const workflow = result.isError ? undefined : (result.structuredContent?.workflow as WorkflowGraph | undefined);
  return workflow === undefined ? null : { nodes: workflow.nodes, edges: workflow.edges };
}

/** Until the workflow is read (or when it cannot be), the nodes the run reports, laid out by the graph. */
export function graphOfStates(run: RunState): WorkflowGraph {
  return { nodes: Object.entries(run.states).map(([id, state]) => ({ id, data: { label: state.label ?? id } })), edges: [] };
}
