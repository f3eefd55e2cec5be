import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { WorkflowSummaryOutput } from '../schemas/workflow.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'list_workflows';

export const inputSchema = {
  tag: z.string().optional().describe('Only workflows with this tag, e.g. "template" or "scratch"'),
  query: z.string().optional().describe('Only workflows whose name or description contains this text'),
  limit: z.number().int().min(1).max(100).optional().describe('Page size, 1–100 (default 20)'),
  cursor: z.string().optional().describe('nextCursor from the previous page'),
};

export const outputSchema = {
  workflows: z.array(WorkflowSummaryOutput).describe('Saved workflows, newest first, without their graphs'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
};

export const config = {
  title: 'List workflows',
  description:
    'Lists saved workflows (id, name, tags, node count, version). Use it to find a workflow to run or reuse before drafting a new one. ' +
    'Then call get_workflow for its graph, or execute_workflow with its id.',
  inputSchema,
  outputSchema,
  annotations: { title: 'List workflows', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export function registerListWorkflowsTool(server: McpServer, backend: Backend): void {
  server.registerTool(NAME, config, guarded(server, async ({ tag, query, limit, cursor }) => {
    const page = await backend.listWorkflows({ tag, q: query, limit, cursor });
    const more = page.nextCursor === null ? '' : ' More: pass nextCursor.';
    return toolResult({ workflows: page.data, nextCursor: page.nextCursor }, `${page.data.length} workflow(s).${more}`);
  }));
}
