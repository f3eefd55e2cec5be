import { PipewrightError } from '../../errors/index.js';
import { compileOrThrow, type CompiledGraph, type NodeCatalog } from '../../graph/index.js';
import type { ExecutionRecord, Store } from '../../store/index.js';

/**
 * The graph an execution runs, from what was stored when it was accepted: the inline graph it
 * was sent with, else the workflow version it recorded. Retry and resume rebuild it the same way.
 */
export async function storedGraph(store: Pick<Store, 'workflows'>, catalog: NodeCatalog, record: ExecutionRecord): Promise<CompiledGraph> {
  if (record.options.graph !== undefined) return compileOrThrow(record.options.graph, catalog);
  const version =
    record.workflowId !== null && record.workflowVersion !== null
      ? await store.workflows.version(record.accountId, record.workflowId, record.workflowVersion)
      : undefined;
  if (version === undefined) {
    throw new PipewrightError('graph_unavailable', `The workflow version execution ${record.id} ran is gone (the workflow was deleted)`);
  }
  return compileOrThrow({ nodes: version.nodes, edges: version.edges }, catalog);
}
