import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { PipewrightError } from '../../errors/index.js';
import { executeBodyRules, ScratchExecuteBodySchema } from '../../service/index.js';
import { withExecutionApp } from '../execution-app.js';
import { followRun } from '../follow-run.js';
import type { PendingWork } from '../pending-work.js';
import { RunOutput, WaitSecondsInput } from '../schemas/run.js';
import { toolConfig } from '../tool-config.js';
import { guarded, type ToolExtra } from '../tool-handler.js';

export const NAME = 'execute_workflow';

const body = ScratchExecuteBodySchema.shape;

/** The Backend's execute body, with the workflow to run (or none: the graph is saved as scratch) and how long to wait. */
export const inputSchema = z
  .object({
    workflowId: z.string().optional().describe('A saved workflow to run. Omit it and send nodes/edges to run an unsaved graph'),
    nodes: body.nodes,
    edges: body.edges,
    name: body.name,
    inputs: body.inputs,
    targetNodeId: body.targetNodeId,
    force: body.force,
    dryRun: body.dryRun,
    idempotencyKey: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .describe('Retrying with the same key and request returns the first execution, in its current state, instead of starting another'),
    waitSeconds: WaitSecondsInput,
  })
  .check(...executeBodyRules);

export const outputSchema = {
  ...RunOutput,
  savedAsScratch: z.boolean().describe('true when the inline graph was saved as a new workflow tagged "scratch"'),
};

export const config = toolConfig({
  title: 'Execute a workflow',
  description:
    'Runs a saved workflow (workflowId) or an inline graph (nodes/edges, saved first as a workflow tagged "scratch"). Model nodes call paid AI providers: ' +
    'validate_workflow and estimate_workflow first, and try dryRun: true before a real run. With waitSeconds it waits for the result and reports per-node progress; ' +
    'otherwise, or if the wait ends first, call poll_execution with the executionId. Cancelling this call cancels the execution.',
  inputSchema,
  outputSchema,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
});

type Args = z.infer<typeof inputSchema>;

export function registerExecuteWorkflowTool(server: McpServer, backend: Backend, pending: PendingWork): void {
  registerAppTool(
    server,
    NAME,
    withExecutionApp(config),
    guarded(server, (args, extra) => execute(backend, pending, args, extra)),
  );
}

async function execute(backend: Backend, pending: PendingWork, args: Args, extra: ToolExtra) {
  const { workflowId, nodes, edges, name, inputs, targetNodeId, force, dryRun, idempotencyKey } = args;
  if (workflowId === undefined && nodes === undefined) {
    throw new PipewrightError('invalid_arguments', 'Give workflowId (a saved workflow) or nodes and edges (a graph to run)');
  }
  // Without workflowId the backend saves the graph as a scratch workflow, inside the idempotent claim.
  const savedAsScratch = workflowId === undefined;
  const body = { inputs, targetNodeId, force, dryRun, nodes, edges, ...(savedAsScratch && { name }) };
  const accepted = await backend.executeWorkflow(workflowId, body, { idempotencyKey, signal: extra.signal });
  return followRun({
    backend,
    pending,
    extra,
    accepted,
    waitSeconds: args.waitSeconds ?? 0,
    replayable: idempotencyKey !== undefined,
    fields: { savedAsScratch },
    note: savedAsScratch ? ` The graph was saved as scratch workflow ${accepted.workflowId}.` : '',
    started: `Started execution ${accepted.executionId} (${accepted.status}). Call poll_execution to follow it.`,
  });
}
