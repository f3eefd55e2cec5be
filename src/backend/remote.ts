import { type ClientOptions, createClient, type ExecuteBody, type WorkflowInput } from '../client/index.js';
import type { Backend } from './backend.js';

/**
 * The Backend over a remote pipewright (or compatible) REST API: each method is one client call,
 * so errors arrive as the server's PipewrightError codes, exactly as the embedded backend throws
 * them. Bodies are passed through unchecked: the server validates them and says what is wrong.
 */
export function createRemoteBackend(options: ClientOptions): Backend {
  const client = createClient(options);
  const { workflows, executions } = client;
  return {
    listNodeTypes: () => client.nodes(),
    listWorkflows: (query) => workflows.list(query),
    getWorkflow: (id) => workflows.get(id),
    validateWorkflow: (graph) => workflows.lint(graph),
    saveWorkflow: ({ id, workflow }) =>
      id === undefined ? workflows.create(workflow as WorkflowInput) : workflows.replace(id, workflow as WorkflowInput),
    deleteWorkflow: (id) => workflows.delete(id),
    estimateWorkflow: (id, body) => workflows.estimate(id, body as ExecuteBody),
    executeWorkflow: (id, body, options) => workflows.execute(id, body as ExecuteBody, options),
    pollExecution: (id, options) => executions.poll(id, options),
    getExecution: (id) => executions.get(id),
    listExecutions: (query) => executions.list(query),
    cancelExecution: (id) => executions.cancel(id),
    getUsage: () => client.usage(),
    readArtifact: (id) => client.artifacts.get(id),
    close: () => client.close(),
  };
}
