import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { type Backend, FINISHED_EXECUTION_STATUSES, waitForExecution } from '../../backend/index.js';
import { PipewrightError } from '../../errors/index.js';
import { ExecutionStatusSchema, executeBodyRules, PollViewSchema, ScratchExecuteBodySchema } from '../../service/index.js';
import { artifactLinks } from '../artifact-links.js';
import { summarizeExecution } from '../execution-summary.js';
import type { PendingWork } from '../pending-work.js';
import { progressReporter } from '../progress.js';
import { toolConfig } from '../tool-config.js';
import { guarded, type ToolExtra } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

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
      .describe('Retrying with the same key and request returns the first execution instead of starting another'),
    waitSeconds: z
      .number()
      .min(0)
      .max(300)
      .optional()
      .describe('0 (default): return at once with the executionId. 1–300: wait up to this long for the result, streaming per-node progress'),
  })
  .check(...executeBodyRules);

export const outputSchema = {
  executionId: z.string().describe('Execution id: pass to poll_execution, get_execution or cancel_execution'),
  workflowId: z.string().nullable().describe('The workflow that ran'),
  savedAsScratch: z.boolean().describe('true when the inline graph was saved as a new workflow tagged "scratch"'),
  finished: z.boolean().describe('true when the execution reached COMPLETED, FAILED or CANCELLED within the wait'),
  status: ExecutionStatusSchema,
  nodeStates: PollViewSchema.shape.nodeStates.optional().describe('Per-node state at the end of the wait (absent when waitSeconds is 0)'),
  finalOutput: PollViewSchema.shape.finalOutput.optional(),
  error: PollViewSchema.shape.error.optional(),
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
  server.registerTool(
    NAME,
    config,
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
  const scratch = savedAsScratch ? ` The graph was saved as scratch workflow ${accepted.workflowId}.` : '';
  const base = { executionId: accepted.executionId, workflowId: accepted.workflowId, savedAsScratch };
  if (!args.waitSeconds) {
    return toolResult(
      { ...base, finished: false, status: accepted.status },
      `Started execution ${accepted.executionId} (${accepted.status}).${scratch} Call poll_execution to follow it.`,
    );
  }
  const cancelOnAbort = () => pending.track(backend.cancelExecution(accepted.executionId));
  extra.signal.addEventListener('abort', cancelOnAbort, { once: true });
  try {
    const view = await waitForExecution({
      backend,
      executionId: accepted.executionId,
      seconds: args.waitSeconds,
      signal: extra.signal,
      onPoll: progressReporter(extra),
    });
    const { status, nodeStates, finalOutput, error } = view;
    const finished = FINISHED_EXECUTION_STATUSES.has(status);
    return toolResult({ ...base, finished, status, nodeStates, finalOutput, error }, `${summarizeExecution(view)}${scratch}`, artifactLinks(view));
  } catch (error) {
    if (extra.signal.aborted) throw new PipewrightError('cancelled', `The call was cancelled, so execution ${accepted.executionId} was cancelled too`);
    throw error;
  } finally {
    extra.signal.removeEventListener('abort', cancelOnAbort);
  }
}
