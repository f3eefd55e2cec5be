import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { jsonObject } from '../../graph/index.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'estimate_workflow';

export const inputSchema = {
  workflowId: z.string().min(1).describe('A saved workflow (save_workflow first for a new graph)'),
  inputs: jsonObject().optional().describe('The inputs you will run with, by input node id (list lengths change fan-out costs)'),
  targetNodeId: z.string().optional().describe('Estimate only this node and its uncached ancestors'),
  force: z.boolean().optional().describe('Estimate as if nothing were cached'),
};

export const outputSchema = {
  estimatedCredits: z.number().describe('Predicted credits for a real (not dry) run'),
  availableCredits: z.number().describe('The account balance'),
  sufficient: z.boolean().describe('Whether the balance covers it; a run that does not fit is refused before anything runs'),
  estimateComplete: z.boolean().describe('false when a fan-out length is only known at run time: estimatedCredits is then a lower bound'),
  fanOutNodes: z.array(z.string()).describe('Nodes whose cost multiplies by a list length known only at run time'),
  breakdown: z.array(z.looseObject({
    nodeId: z.string().describe('Node id'),
    nodeLabel: z.string().describe('Node label'),
    nodeType: z.string().describe('Node type'),
    credits: z.number().describe('Credits for this node'),
    iterations: z.number().optional().describe('Runs of this node when it fans out over a list'),
  })).describe('Credits per node'),
};

export const config = {
  title: 'Estimate a workflow\'s cost',
  description:
    'Predicts the credits a real run of a saved workflow would cost, per node, against the balance. Free and instant. ' +
    'Call it before execute_workflow without dryRun, and tell the user the cost when it is not trivial.',
  inputSchema,
  outputSchema,
  annotations: { title: 'Estimate a workflow\'s cost', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export function registerEstimateWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(NAME, config, guarded(server, async ({ workflowId, ...body }) => {
    const estimate = await backend.estimateWorkflow(workflowId, body);
    const bound = estimate.estimateComplete ? '' : ` (lower bound: ${estimate.fanOutNodes.join(', ')} fan out at run time)`;
    const fits = estimate.sufficient ? 'within' : 'MORE than';
    return toolResult({ ...estimate }, `${estimate.estimatedCredits} credits${bound}, ${fits} the ${estimate.availableCredits} available.`);
  }));
}
