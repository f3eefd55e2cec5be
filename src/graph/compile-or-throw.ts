import { PipewrightError } from '../errors/index.js';
import type { NodeCatalog } from './spec.js';
import type { CompiledGraph } from './compiled.js';
import { validateGraph } from './validate.js';

/** For callers that cannot go on without a runnable graph (execute, the CLI's `run`). */
export function compileOrThrow(input: unknown, catalog: NodeCatalog): CompiledGraph {
  const { graph, violations, warnings } = validateGraph(input, catalog);
  if (graph) return graph;
  const count = `${violations.length} error${violations.length === 1 ? '' : 's'}`;
  throw new PipewrightError('invalid_graph', `Workflow graph failed validation (${count})`, {
    details: { violations, warnings },
  });
}
