import type { Backend } from '../../backend/backend.js';
import { PipewrightError } from '../../errors/index.js';

export const SCRATCH_TAG = 'scratch';

/**
 * The workflow to run: the given id, or the inline graph saved as a new workflow tagged
 * `scratch` (executions always belong to a stored workflow version, so a rerun is reproducible).
 */
export async function resolveWorkflowId(
  backend: Backend,
  args: { workflowId?: string; nodes?: unknown[]; edges?: unknown[]; name?: string },
): Promise<{ workflowId: string; savedAsScratch: boolean }> {
  if (args.workflowId !== undefined) return { workflowId: args.workflowId, savedAsScratch: false };
  if (args.nodes === undefined) {
    throw new PipewrightError('invalid_arguments', 'Give workflowId (a saved workflow) or nodes and edges (a graph to run)');
  }
  const name = args.name ?? `Scratch ${new Date().toISOString()}`;
  const saved = await backend.saveWorkflow({ workflow: { name, tags: [SCRATCH_TAG], nodes: args.nodes, edges: args.edges ?? [] } });
  return { workflowId: saved.workflow.id, savedAsScratch: true };
}
