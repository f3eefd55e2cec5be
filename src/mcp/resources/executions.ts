import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { executionIdsStartingWith } from '../completions.js';
import { guardedRead, jsonContents } from './contents.js';
import { variable } from './variable.js';

const LISTED = 50;

export function registerExecutionResources(server: McpServer, backend: Backend): void {
  const list = guardedRead(server, async () => {
    const page = await backend.listExecutions({ limit: LISTED });
    return {
      resources: page.data.map((execution) => ({
        uri: `pipewright://executions/${execution.id}`,
        name: `${execution.id} (${execution.status})`,
        description: `Execution of ${execution.workflowId ?? 'an unsaved graph'}, ${execution.createdAt}`,
        mimeType: 'application/json',
      })),
    };
  });
  server.registerResource(
    'execution',
    new ResourceTemplate('pipewright://executions/{id}', {
      list,
      complete: { id: guardedRead(server, (prefix: string) => executionIdsStartingWith(backend, prefix)) },
    }),
    { title: 'Execution', description: 'The full record of an execution: per-node status, outputs, errors, logs, credits', mimeType: 'application/json' },
    guardedRead(server, async (uri: URL, variables) => jsonContents(uri, await backend.getExecution(variable(variables, 'id')))),
  );
}
