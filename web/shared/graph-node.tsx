import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { NodeState } from './node-state.js';
import { OutputPreview } from './output-preview.js';

export interface GraphNodeData extends Record<string, unknown> {
  nodeId: string;
  label: string;
  nodeType: string;
  state: NodeState;
  canPreview: (url: string) => boolean;
  /** For each input port, the upstream port wired into it: names what a file passed through is. */
  wiredFrom: ReadonlyMap<string, string>;
}

export type GraphNodeType = Node<GraphNodeData, 'pipewright'>;

/** One workflow node: its label and type, then its live status, progress, time, credits, outputs and error. */
export function GraphNode({ data }: NodeProps<GraphNodeType>) {
  const { state } = data;
  return (
    <div className={`pw-node pw-${state.status.toLowerCase()}`} data-node-id={data.nodeId} data-status={state.status}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <header className="pw-node-head">
        <span className="pw-label">{data.label}</span>
        <span className="pw-status">{state.status}</span>
      </header>
      <div className="pw-type">{data.label === data.nodeId ? data.nodeType : `${data.nodeId} · ${data.nodeType}`}</div>
      <Meta state={state} />
      {state.status === 'RUNNING' && <Progress value={state.progress} />}
      {state.error && (
        <p className="pw-error" role="alert">
          {state.error.code && <strong>{state.error.code}: </strong>}
          {state.error.message}
        </p>
      )}
      {state.status === 'SKIPPED' && state.skipReason && <p className="pw-skip">{state.skipReason}</p>}
      {state.outputs && <OutputPreview outputs={state.outputs} canPreview={data.canPreview} wiredFrom={data.wiredFrom} />}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

function Meta({ state }: { state: NodeState }) {
  const duration = useDuration(state);
  const parts = [duration, state.credits ? formatCredits(state.credits) : undefined, state.cached ? 'cached' : undefined].filter(Boolean);
  if (parts.length === 0) return null;
  return <div className="pw-meta">{parts.join(' · ')}</div>;
}

function Progress({ value }: { value: number | null | undefined }) {
  const known = typeof value === 'number' && value >= 0 && value <= 1;
  return <progress className="pw-progress" max={1} {...(known && { value })} />;
}

/** The recorded duration, or while RUNNING the time since it started, ticking each second. */
function useDuration(state: NodeState): string | undefined {
  const running = state.status === 'RUNNING' && state.startedAt ? Date.parse(state.startedAt) : undefined;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (running === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (typeof state.durationMs === 'number') return formatMs(state.durationMs);
  if (running !== undefined && !Number.isNaN(running)) return formatMs(Math.max(0, now - running));
  return undefined;
}

export function formatCredits(credits: number): string {
  return `${credits} credit${credits === 1 ? '' : 's'}`;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
