import { validateGraph } from '../../src/graph/index.js';
import type { NodeRegistry } from '../../src/nodes/index.js';
import { estimateRun } from '../../src/service/executions/estimate.js';

/**
 * What a template costs with its default inputs, as estimate_workflow would say, and whether a
 * paid node fans out over a list known only at run time, which makes the figure a lower bound.
 */
export function templateCredits(workflow: unknown, registry: NodeRegistry): { credits: number; lowerBound: boolean } {
  const graph = validateGraph(workflow, registry).graph!;
  const estimate = estimateRun(graph, registry);
  const lowerBound = estimate.breakdown.some((line) => estimate.fanOutNodes.includes(line.nodeId) && line.credits > 0);
  return { credits: estimate.credits, lowerBound };
}
