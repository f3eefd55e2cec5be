import { createLogUpdate } from 'log-update';
import type { EngineEvent, NodeState } from '../engine/index.js';

const MARK: Record<NodeState['status'], string> = {
  PENDING: '·', RUNNING: '…', COMPLETED: '✓', FAILED: '✗', SKIPPED: '-', CANCELLED: '⊘',
};

export interface ProgressView {
  onEvent(event: EngineEvent): void;
  done(): void;
}

/** A live table on a terminal; plain lines, one per transition, anywhere else (CI, pipes, logs). */
export function progressView(stream: NodeJS.WriteStream): ProgressView {
  return stream.isTTY ? liveView(stream) : lineView(stream);
}

function liveView(stream: NodeJS.WriteStream): ProgressView {
  const render = createLogUpdate(stream);
  const nodes = new Map<string, NodeState>();
  const progress = new Map<string, number>();
  const draw = () => render([...nodes.values()].map((node) => describe(node, progress.get(node.nodeId))).join('\n'));
  return {
    onEvent(event) {
      if (event.type === 'execution') for (const node of Object.values(event.state.nodes)) nodes.set(node.nodeId, node);
      else if (event.type === 'node') nodes.set(event.node.nodeId, event.node);
      else if (event.type === 'node-progress') progress.set(event.nodeId, event.progress);
      else return;
      draw();
    },
    done: () => render.done(),
  };
}

function lineView(stream: NodeJS.WriteStream): ProgressView {
  return {
    onEvent(event) {
      if (event.type === 'node' && event.node.status !== 'PENDING') stream.write(`${describe(event.node)}\n`);
      if (event.type === 'node-retry') stream.write(`  ${event.nodeId}: retry ${event.attempt} in ${event.delayMs} ms (${event.error.message})\n`);
    },
    done() {},
  };
}

function describe(node: NodeState, progress?: number): string {
  const head = `${MARK[node.status]} ${node.nodeId} (${node.nodeType})`;
  switch (node.status) {
    case 'RUNNING':
      return `${head} running${progress === undefined ? '' : ` ${Math.round(progress * 100)}%`}`;
    case 'COMPLETED':
      return `${head} ${node.cached ? 'cached' : `${node.durationMs ?? 0} ms`}${node.iterations ? ` ×${node.iterations.length}` : ''}`;
    case 'FAILED':
      return `${head} failed: ${node.error?.message ?? 'unknown error'}`;
    case 'SKIPPED':
      return `${head} skipped (${(node.skipReason ?? 'upstream_failed').replaceAll('_', ' ')})`;
    default:
      return `${head} ${node.status.toLowerCase()}`;
  }
}
