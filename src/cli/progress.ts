import { createLogUpdate } from 'log-update';
import type { ExecutionDetail, NodeStatus } from '../backend/index.js';

type NodeView = ExecutionDetail['nodes'][number];

const MARK: Record<NodeStatus, string> = {
  PENDING: '·',
  RUNNING: '…',
  COMPLETED: '✓',
  FAILED: '✗',
  SKIPPED: '-',
  CANCELLED: '⊘',
};

export interface ProgressView {
  /** Shows the nodes as the store last recorded them. */
  update(nodes: readonly NodeView[]): void;
  done(): void;
}

/** A live table on a terminal; plain lines, one per transition seen, anywhere else (CI, pipes, logs). */
export function progressView(stream: NodeJS.WriteStream): ProgressView {
  return stream.isTTY ? liveView(stream) : lineView(stream);
}

function liveView(stream: NodeJS.WriteStream): ProgressView {
  const render = createLogUpdate(stream);
  return {
    update: (nodes) => render(nodes.map(describe).join('\n')),
    done: () => render.done(),
  };
}

function lineView(stream: NodeJS.WriteStream): ProgressView {
  const shown = new Map<string, NodeStatus>();
  return {
    update(nodes) {
      for (const node of nodes) {
        if (node.status === 'PENDING' || shown.get(node.nodeId) === node.status) continue;
        shown.set(node.nodeId, node.status);
        stream.write(`${describe(node)}\n`);
      }
    },
    done() {},
  };
}

function describe(node: NodeView): string {
  const head = `${MARK[node.status]} ${node.nodeId} (${node.nodeType})`;
  switch (node.status) {
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
