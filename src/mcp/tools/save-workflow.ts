import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { SaveBodySchema, WorkflowSummarySchema } from '../../service/index.js';
import { SaveMetaOutput } from '../schemas/graph.js';
import { toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'save_workflow';

export const inputSchema = {
  workflowId: z.string().optional().describe('Omit to create a new workflow; give an id to replace that workflow (a new version; old versions are kept)'),
  ...SaveBodySchema.shape,
};

export const outputSchema = {
  created: z.boolean().describe('true when a new workflow was created'),
  workflow: WorkflowSummarySchema.describe('The saved workflow (graph omitted; get_workflow returns it)'),
  ...SaveMetaOutput,
};

export const config = toolConfig({
  title: 'Save a workflow',
  description:
    'Creates a workflow, or replaces one when workflowId is given (each save is a new version). The graph is validated first; on failure nothing is saved ' +
    'and the error lists every violation with its fix. Save once validate_workflow says ok, then call execute_workflow with the id.',
  inputSchema,
  outputSchema,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
});

export function registerSaveWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ workflowId, nodes, edges, ...envelope }) => {
      const saved = await backend.saveWorkflow({ ...(workflowId !== undefined && { id: workflowId }), workflow: { ...envelope, nodes, edges: edges ?? [] } });
      const { nodes: savedNodes, edges: savedEdges, ...workflow } = saved.workflow;
      const created = workflowId === undefined;
      return toolResult(
        { created, workflow: { ...workflow, nodeCount: savedNodes.length, edgeCount: savedEdges.length }, ...saved.meta },
        `${created ? 'Created' : 'Updated'} ${workflow.name} (${workflow.id}), version ${workflow.version}; ${saved.meta.warnings.length} warning(s). Next: execute_workflow with workflowId ${workflow.id}.`,
      );
    }),
  );
}
