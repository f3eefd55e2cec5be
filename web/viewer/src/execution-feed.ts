// Keeps one execution's state current: the detail first, then the event stream (resumed with
// Last-Event-ID after a drop), or polling of the detail when the server has no event stream.
import type { WorkflowGraph } from '../../shared/execution-graph.js';
import { applyNodeEvent, type DetailNode, type ExecutionStatus, type NodeEventData, type NodeStates, statesFromDetail } from '../../shared/node-state.js';
import { API, ApiError, apiError, apiGet, authHeaders, executionPath, workflowPath } from './api.js';
import { sleep } from './sleep.js';
import { readEventStream, type StreamEvent } from './sse.js';

export interface ExecutionDetail {
  id: string;
  workflowId: string | null;
  workflowVersion: number | null;
  status: ExecutionStatus;
  credits: number;
  durationMs: number | null;
  createdAt: string;
  error: { code?: string; message?: string } | null;
  nodes: DetailNode[];
}

export interface ExecutionView {
  detail?: ExecutionDetail;
  graph?: WorkflowGraph;
  states: NodeStates;
  status?: ExecutionStatus;
  /** How the page hears of changes: the event stream, polling, or not at all once the run has ended. */
  feed: 'loading' | 'events' | 'polling' | 'ended';
  error?: ApiError;
}

const FINISHED = new Set<string>(['COMPLETED', 'FAILED', 'CANCELLED']);
const POLL_MS = 2000;
const RECONNECT_MS = 1000;

interface FeedOptions {
  id: string;
  key: string;
  signal: AbortSignal;
  update: (change: (view: ExecutionView) => ExecutionView) => void;
}

export async function followExecution(options: FeedOptions): Promise<void> {
  const { id, key, signal, update } = options;
  try {
    const detail = await loadDetail(options);
    const graph = await loadGraph(detail, key, signal);
    update((view) => ({ ...view, graph }));
    if (FINISHED.has(detail.status)) return update((view) => ({ ...view, feed: 'ended' }));
    const streamed = await stream(options);
    if (!streamed) await poll(options);
    // The stream's end or the last poll: one more read, so totals (credits, durations) are the record's.
    await loadDetail(options);
    update((view) => ({ ...view, feed: 'ended' }));
  } catch (error) {
    if (signal.aborted) return;
    update((view) => ({ ...view, error: error instanceof ApiError ? error : new ApiError(0, 'network', `${id}: ${String(error)}`) }));
  }
}

async function loadDetail({ id, key, signal, update }: FeedOptions): Promise<ExecutionDetail> {
  const { data } = await apiGet<{ data: ExecutionDetail }>(executionPath(id), key, signal);
  update((view) => ({ ...view, detail: data, status: data.status, states: statesFromDetail(data.nodes) }));
  return data;
}

/** The graph the run used: its workflow version, else the workflow, else its nodes in a column (an inline graph). */
async function loadGraph(detail: ExecutionDetail, key: string, signal: AbortSignal): Promise<WorkflowGraph> {
  if (detail.workflowId !== null) {
    const base = workflowPath(detail.workflowId);
    const paths = detail.workflowVersion === null ? [base] : [`${base}/versions/${detail.workflowVersion}`, base];
    for (const path of paths) {
      const graph = await apiGet<WorkflowGraph>(path, key, signal).catch(() => undefined);
      if (graph?.nodes && graph.edges) return graph;
    }
  }
  return { nodes: detail.nodes.map((node) => ({ id: node.nodeId, data: { label: node.label ?? node.nodeId, nodeType: node.nodeType ?? '' } })), edges: [] };
}

/** Follows the event stream to the execution's end; false when the server has none (then the caller polls). */
async function stream({ id, key, signal, update }: FeedOptions): Promise<boolean> {
  let lastEventId: string | undefined;
  let ended = false;
  const onEvent = (event: StreamEvent) => {
    lastEventId = event.id ?? lastEventId;
    const data = JSON.parse(event.data) as NodeEventData;
    if (event.event.startsWith('execution.')) {
      ended = true;
      update((view) => ({ ...view, status: event.event.slice('execution.'.length).toUpperCase() as ExecutionStatus }));
    } else update((view) => ({ ...view, status: view.status === 'QUEUED' ? 'RUNNING' : view.status, states: applyNodeEvent(view.states, event.event, data) }));
  };
  update((view) => ({ ...view, feed: 'events' }));
  while (!ended) {
    const response = await readEventStream({ url: `${API}${executionPath(id)}/events`, headers: authHeaders(key), lastEventId, signal, onEvent }).catch(
      (error: unknown) => {
        if (signal.aborted) throw error;
        return undefined;
      },
    );
    if (response?.status === 404 || response?.status === 405) return false;
    if (response !== undefined && !response.ok && response.status !== 429 && response.status !== 503) throw await apiError(response);
    if (!ended) await sleep(retryDelay(response, RECONNECT_MS), signal);
  }
  return true;
}

async function poll(options: FeedOptions): Promise<void> {
  options.update((view) => ({ ...view, feed: 'polling' }));
  for (;;) {
    await sleep(POLL_MS, options.signal);
    try {
      if (FINISHED.has((await loadDetail(options)).status)) return;
    } catch (error) {
      if (!(error instanceof ApiError && error.retryAfter !== undefined)) throw error;
      await sleep(error.retryAfter * 1000, options.signal);
    }
  }
}

function retryDelay(response: Response | undefined, fallback: number): number {
  const seconds = Number(response?.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fallback;
}
