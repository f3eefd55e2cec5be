import type { ExecutionRecorder } from './contracts.js';
import type { ExecutionState, NodeState } from './states.js';
import { dict } from '../graph/index.js';

/** Keeps the latest state of each execution in memory: the CLI's recorder, and the tests'. */
export class MemoryRecorder implements ExecutionRecorder {
  readonly executions = new Map<string, ExecutionState>();
  /** Every write in order, so tests can check that a transition was stored before it was reported. */
  readonly writes: Array<{ executionId: string; nodeId?: string; status: string }> = [];

  async execution(state: Omit<ExecutionState, 'nodes'>): Promise<void> {
    const nodes = this.executions.get(state.executionId)?.nodes ?? dict<NodeState>();
    this.executions.set(state.executionId, { ...structuredClone(state), nodes });
    this.writes.push({ executionId: state.executionId, status: state.status });
  }

  async node(executionId: string, node: NodeState): Promise<void> {
    const execution = this.executions.get(executionId);
    if (execution !== undefined) execution.nodes[node.nodeId] = structuredClone(node);
    this.writes.push({ executionId, nodeId: node.nodeId, status: node.status });
  }
}
