import { PipewrightError } from '../../errors/index.js';
import { validateGraph } from '../../graph/index.js';
import type { SaveResult } from '../contracts.js';
import type { WorkflowDeps } from './deps.js';
import { lintWarnings } from './lint-warnings.js';

export interface ValidGraph {
  /** Normalised: stale outputs dropped, categories corrected, edge ids filled. */
  nodes: unknown[];
  edges: unknown[];
  meta: SaveResult['meta'];
}

/** Every write runs the lint rules; any violation refuses the write as `invalid_graph`. */
export function validateOrThrow(graph: { nodes: unknown[]; edges?: unknown[] | undefined }, deps: Pick<WorkflowDeps, 'catalog' | 'providers'>): ValidGraph {
  const result = validateGraph({ nodes: graph.nodes, edges: graph.edges ?? [] }, deps.catalog);
  if (!result.ok || !result.graph) {
    const count = result.violations.length;
    throw new PipewrightError('invalid_graph', `Workflow graph failed validation (${count} error${count === 1 ? '' : 's'})`, {
      details: { violations: result.violations, warnings: result.warnings },
    });
  }
  const { nodes, edges } = result.graph.source;
  return { nodes, edges, meta: { warnings: lintWarnings(result, deps), migrations: result.migrations } };
}
