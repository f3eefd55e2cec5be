import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { WorkflowListQuerySchema, WorkflowSummarySchema } from '../../service/index.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'list_workflows';

const filters = WorkflowListQuerySchema.shape;

/** `GET /workflows`'s filters, `q` named `query` here. */
export const inputSchema = { tag: filters.tag, query: filters.q, limit: filters.limit, cursor: filters.cursor };

export const outputSchema = {
  workflows: z.array(WorkflowSummarySchema).describe('Saved workflows, newest first, without their graphs'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
};

export const config = toolConfig({
  title: 'List workflows',
  description:
    'Lists saved workflows (id, name, tags, node count, version). Use it to find a workflow to run or reuse before drafting a new one. ' +
    'Then call get_workflow for its graph, or execute_workflow with its id.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerListWorkflowsTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ tag, query, limit, cursor }) => {
      const page = await backend.listWorkflows({ tag, q: query, limit, cursor });
      const more = page.nextCursor === null ? '' : ' More: pass nextCursor.';
      return toolResult({ workflows: page.data, nextCursor: page.nextCursor }, `${page.data.length} workflow(s).${more}`);
    }),
  );
}
