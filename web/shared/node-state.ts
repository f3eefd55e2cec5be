// The live state of each node of one execution, and how the three sources a page may have
// (the execution detail, the compat poll shape, the SSE events of docs/events.md) update it.
// Pure functions over plain data: the viewer (web/viewer) and the MCP App share them.

export type NodeStatus = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'SKIPPED' | 'CANCELLED';
export type ExecutionStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export interface NodeError {
  code?: string;
  message: string;
}

export interface NodeState {
  status: NodeStatus;
  /** The node's label as the execution records it (the graph's `data.label` may be absent). */
  label?: string;
  nodeType?: string;
  /** 0..1 while RUNNING, when the node reports it. */
  progress?: number | null;
  startedAt?: string | null;
  durationMs?: number | null;
  credits?: number | null;
  cached?: boolean;
  /** Outputs by port; file outputs are absolute URLs (signed artifact URLs or a provider's). */
  outputs?: Record<string, unknown> | null;
  error?: NodeError | null;
  skipReason?: string;
}

export type NodeStates = Readonly<Record<string, NodeState>>;

const NODE_STATUSES = new Set<string>(['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED']);

/** What the detail and the events may say of a node's run besides its status, outputs and error. */
type RunFacts = Pick<NodeState, 'progress' | 'startedAt' | 'durationMs' | 'credits' | 'cached' | 'skipReason'>;

/** The detail's node record (`GET /workflows/executions/{id}`, get_execution), as far as the graph draws it. */
export interface DetailNode extends Omit<RunFacts, 'progress'> {
  nodeId: string;
  label?: string;
  nodeType?: string;
  status: string;
  output?: Record<string, unknown> | null;
  error?: NodeError | null;
}

export function statesFromDetail(nodes: readonly DetailNode[]): NodeStates {
  const states: Record<string, NodeState> = {};
  for (const node of nodes) {
    states[node.nodeId] = {
      status: asStatus(node.status),
      ...(node.label !== undefined && { label: node.label }),
      ...(node.nodeType !== undefined && { nodeType: node.nodeType }),
      startedAt: node.startedAt ?? null,
      durationMs: node.durationMs ?? null,
      credits: node.credits ?? null,
      cached: node.cached === true,
      outputs: node.output ?? null,
      error: node.error ?? null,
      ...(node.skipReason !== undefined && { skipReason: node.skipReason }),
    };
  }
  return states;
}

/** One entry of the compat poll's `nodeStates` (poll_execution, `…/poll`). */
export interface PollNode {
  nodeId: string;
  label?: string;
  status: string;
  error?: string | NodeError | null;
  outputUrl?: string | null;
  outputUrls?: string[] | null;
  text?: string | null;
  progress?: number | null;
}

export function statesFromPoll(nodes: readonly PollNode[]): NodeStates {
  const states: Record<string, NodeState> = {};
  for (const node of nodes) {
    const outputs: Record<string, unknown> = {};
    if (node.outputUrls && node.outputUrls.length > 0) outputs.files = node.outputUrls;
    else if (node.outputUrl) outputs.file = node.outputUrl;
    if (node.text) outputs.text = node.text;
    states[node.nodeId] = {
      status: asStatus(node.status),
      ...(node.label !== undefined && { label: node.label }),
      progress: node.progress ?? null,
      outputs: Object.keys(outputs).length > 0 ? outputs : null,
      error: typeof node.error === 'string' ? { message: node.error } : (node.error ?? null),
    };
  }
  return states;
}

/** The JSON `data:` of a `node.*` event (docs/events.md): whatever of these fields the event carries. */
export interface NodeEventData extends RunFacts {
  nodeId?: string;
  status?: string;
  outputs?: Record<string, unknown> | null;
  output?: Record<string, unknown> | null;
  error?: string | NodeError | null;
}

const STATUS_OF_EVENT: Record<string, NodeStatus> = {
  'node.started': 'RUNNING',
  'node.progress': 'RUNNING',
  'node.completed': 'COMPLETED',
  'node.failed': 'FAILED',
  'node.skipped': 'SKIPPED',
  'node.cancelled': 'CANCELLED',
};

/** The states after one SSE event; events that are not about a node leave them as they were. */
export function applyNodeEvent(states: NodeStates, event: string, data: NodeEventData, now: () => Date = () => new Date()): NodeStates {
  const status = STATUS_OF_EVENT[event];
  if (status === undefined || data.nodeId === undefined) return states;
  const before: NodeState = states[data.nodeId] ?? { status: 'PENDING' };
  const next: NodeState = { ...before, status: data.status !== undefined ? asStatus(data.status) : status };
  if (event === 'node.started') next.startedAt = data.startedAt ?? before.startedAt ?? now().toISOString();
  if (data.progress !== undefined) next.progress = data.progress;
  if (data.durationMs !== undefined) next.durationMs = data.durationMs;
  if (data.credits !== undefined) next.credits = data.credits;
  if (data.cached !== undefined) next.cached = data.cached;
  const outputs = data.outputs ?? data.output;
  if (outputs !== undefined) next.outputs = outputs;
  if (data.error !== undefined) next.error = typeof data.error === 'string' ? { message: data.error } : data.error;
  if (data.skipReason !== undefined) next.skipReason = data.skipReason;
  return { ...states, [data.nodeId]: next };
}

function asStatus(status: string): NodeStatus {
  return NODE_STATUSES.has(status) ? (status as NodeStatus) : 'PENDING';
}
