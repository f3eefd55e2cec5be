import { PipewrightError } from '../../errors/index.js';
import { compileOrThrow, type CompiledGraph } from '../../graph/index.js';
import type { WorkflowRecord } from '../../store/index.js';
import { workflowNotFound } from '../workflows/deps.js';
import type { ExecutionDeps } from './deps.js';

export interface PreparedRun {
  workflow: WorkflowRecord;
  /** The saved version it runs; null for an inline graph, which is kept in the execution's options. */
  version: number | null;
  graph: CompiledGraph;
  /** The inline graph as normalised by validation, when one was sent. */
  inline?: { nodes: unknown[]; edges: unknown[] };
}

/** The workflow must be the account's and active; the graph is the inline one, a past version or the current one. */
export async function prepareRun(
  deps: Pick<ExecutionDeps, 'store' | 'registry'>,
  workflow: WorkflowRecord | undefined,
  request: { workflowId: string; version?: number | undefined; nodes?: unknown[] | undefined; edges?: unknown[] | undefined },
): Promise<PreparedRun> {
  if (workflow === undefined) throw workflowNotFound(request.workflowId);
  if (!workflow.isActive) throw new PipewrightError('workflow_inactive', `Workflow ${workflow.id} is inactive; activate it to run it`);
  if (request.nodes !== undefined) {
    const graph = compileOrThrow({ nodes: request.nodes, edges: request.edges ?? [] }, deps.registry);
    return { workflow, version: null, graph, inline: { nodes: graph.source.nodes, edges: graph.source.edges } };
  }
  if (request.version === undefined || request.version === workflow.version) {
    return { workflow, version: workflow.version, graph: compileOrThrow(workflow, deps.registry) };
  }
  const past = await deps.store.workflows.version(workflow.accountId, workflow.id, request.version);
  if (past === undefined) throw new PipewrightError('not_found', `Workflow ${workflow.id} has no version ${request.version}`);
  return { workflow, version: past.version, graph: compileOrThrow({ nodes: past.nodes, edges: past.edges }, deps.registry) };
}
