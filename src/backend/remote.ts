import { type ClientOptions, createClient, type PipewrightClient, type PostOptions } from '../client/index.js';
import type { ExecuteAccepted, ScratchExecuteBody } from '../service/index.js';
import type { Backend } from './backend.js';
import { inlineRun, scratchSaveKey } from './scratch.js';

/**
 * The Backend over a remote pipewright (or compatible) REST API: each method is one client call
 * (an inline execute is two: save, then execute), so errors arrive as the server's
 * PipewrightError codes, exactly as the embedded backend throws them. Inputs arrive parsed by the
 * face; the server parses them again, at its own edge, and says what is wrong.
 */
export function createRemoteBackend(options: ClientOptions): Backend {
  const client = createClient(options);
  const { workflows, executions } = client;
  return {
    listNodeTypes: () => client.nodes(),
    listWorkflows: (query) => workflows.list(query),
    getWorkflow: (id) => workflows.get(id),
    validateWorkflow: (graph) => workflows.lint(graph),
    saveWorkflow: ({ id, workflow }) => (id === undefined ? workflows.create(workflow) : workflows.replace(id, workflow)),
    deleteWorkflow: (id) => workflows.delete(id),
    estimateWorkflow: (id, body) => workflows.estimate(id, body),
    executeWorkflow: (id, body, options) => (id === undefined ? executeInline(client, body, options) : workflows.execute(id, body, options)),
    pollExecution: (id, options) => executions.poll(id, options),
    executionEvents: (id, options) => executions.events(id, options),
    getExecution: (id) => executions.get(id),
    listExecutions: (query) => executions.list(query),
    cancelExecution: (id) => executions.cancel(id),
    retryExecution: (id) => executions.retry(id),
    getUsage: () => client.usage(),
    readArtifact: (id) => client.artifacts.get(id),
    // The remote server's outputs are its own signed URLs already; nothing of them is on this machine.
    artifactFileUrl: async () => undefined,
    close: () => client.close(),
  };
}

/**
 * Two calls, both idempotent under keys derived from the caller's: the save's key is derived
 * from the execute's, so a retry replays the same created workflow and then the same execution
 * (and a different graph under the same key is refused by the save as `idempotency_key_reused`).
 * Without a key, a refused run deletes its scratch workflow; with one it is kept, since a retry's
 * save replays it.
 */
async function executeInline(client: PipewrightClient, body: ScratchExecuteBody, options: PostOptions = {}): Promise<ExecuteAccepted> {
  const { workflow, execute } = inlineRun(body);
  const { idempotencyKey, ...rest } = options;
  const saved = await client.workflows.create(workflow, { ...rest, ...(idempotencyKey !== undefined && { idempotencyKey: scratchSaveKey(idempotencyKey) }) });
  try {
    return await client.workflows.execute(saved.workflow.id, execute, options);
  } catch (error) {
    if (idempotencyKey === undefined) await client.workflows.delete(saved.workflow.id).catch(() => undefined);
    throw error;
  }
}
