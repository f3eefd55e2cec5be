import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { workflowIdsStartingWith } from '../completions.js';
import { guardedRead, jsonContents } from './contents.js';
import { variable } from './variable.js';

/** The first page only: a resource list is a menu for a person picking context, not an export. */
const LISTED = 100;

export function registerWorkflowResources(server: McpServer, backend: Backend): void {
  const list = guardedRead(server, async () => {
    const page = await backend.listWorkflows({ limit: LISTED });
    return {
      resources: page.data.map((workflow) => ({
        uri: `pipewright://workflows/${workflow.id}`,
        name: workflow.name,
        ...(workflow.description && { description: workflow.description }),
        mimeType: 'application/json',
      })),
    };
  });
  server.registerResource(
    'workflow',
    new ResourceTemplate('pipewright://workflows/{id}', {
      list,
      complete: { id: guardedRead(server, (prefix: string) => workflowIdsStartingWith(backend, prefix)) },
    }),
    { title: 'Workflow', description: 'A saved workflow with its graph (React Flow JSON)', mimeType: 'application/json' },
    guardedRead(server, async (uri: URL, variables) => jsonContents(uri, await backend.getWorkflow(variable(variables, 'id')))),
  );
}
