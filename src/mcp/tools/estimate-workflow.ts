import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { EstimateViewSchema, ExecuteBodySchema } from '../../service/index.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'estimate_workflow';

const body = ExecuteBodySchema.shape;

/** The saved workflow's execute body, as an estimate reads it. */
export const inputSchema = {
  workflowId: z.string().min(1).describe('A saved workflow (save_workflow first for a new graph)'),
  inputs: body.inputs.describe('The inputs you will run with, by input node id (list lengths change fan-out costs)'),
  targetNodeId: body.targetNodeId.describe('Estimate only this node and its uncached ancestors'),
  force: body.force.describe('Estimate as if nothing were cached'),
};

export const outputSchema = EstimateViewSchema.shape;

export const config = toolConfig({
  title: "Estimate a workflow's cost",
  description:
    'Predicts the credits a real run of a saved workflow would cost, per node, against the balance. Free and instant. ' +
    'Call it before execute_workflow without dryRun, and tell the user the cost when it is not trivial.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerEstimateWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ workflowId, ...body }) => {
      const estimate = await backend.estimateWorkflow(workflowId, body);
      const bound = estimate.estimateComplete ? '' : ` (lower bound: ${estimate.fanOutNodes.join(', ')} fan out at run time)`;
      const fits = estimate.sufficient ? 'within' : 'MORE than';
      return toolResult(
        { ...estimate },
        `${estimate.estimatedCredits} credit${estimate.estimatedCredits === 1 ? '' : 's'}${bound}, ${fits} the ${estimate.availableCredits} available.`,
      );
    }),
  );
}
