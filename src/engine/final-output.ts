import type { CompiledGraph } from '../graph/index.js';
import type { ExecutionState, NodeState } from './states.js';
import { dict, ownValue } from '../graph/index.js';
import { errorEntry } from '../errors/index.js';

/**
 * A run's named results: each completed `output` node under its `name` setting. A graph without
 * output nodes (a lint warning) reports its completed sinks by node id instead, so nothing is lost.
 */
export function finalOutputOf(graph: CompiledGraph, states: ReadonlyMap<string, NodeState>): Record<string, unknown> {
  const outputNodes = graph.nodes.filter((node) => node.spec.category === 'output');
  const result = dict();
  if (outputNodes.length > 0) {
    for (const node of outputNodes) {
      const state = states.get(node.id);
      if (state?.status !== 'COMPLETED') continue;
      const name = typeof node.settings.name === 'string' && node.settings.name !== '' ? node.settings.name : node.id;
      result[name] = ownValue(state.output, 'value') ?? state.output;
    }
    return result;
  }
  for (const node of graph.nodes) {
    const state = states.get(node.id);
    if ((graph.outgoing.get(node.id) ?? []).length === 0 && state?.status === 'COMPLETED') result[node.id] = state.output;
  }
  return result;
}

/** How the run ended, and why when it did not complete. */
export function conclusion(states: ReadonlyMap<string, NodeState>, cancelled: boolean): Pick<ExecutionState, 'status' | 'error'> {
  const failed = [...states.values()].filter((state) => state.status === 'FAILED');
  if (failed.length > 0) {
    const detail = failed.map((state) => `${state.nodeId} (${state.error?.code ?? 'error'}: ${state.error?.message ?? ''})`).join('; ');
    return {
      status: 'FAILED',
      error: { ...errorEntry('node_failed', `${failed.length} node(s) failed: ${detail}`), failedNodes: failed.map((s) => s.nodeId) },
    };
  }
  if (cancelled) return { status: 'CANCELLED', error: errorEntry('cancelled') };
  return { status: 'COMPLETED' };
}
