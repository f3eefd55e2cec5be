import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { CatalogEntrySchema } from '../../service/index.js';
import { findNodeType } from '../node-lookup.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'describe_node_type';

export const inputSchema = {
  nodeType: z.string().min(1).describe('The node type, e.g. generate:flux_2 (from list_node_types)'),
};

export const outputSchema = CatalogEntrySchema.shape;

export const config = toolConfig({
  title: 'Describe a node type',
  description:
    'Gives one node type in full: every input port and config setting with its type and whether it is required, output ports, the JSON Schema of data.config, cost and timeout. ' +
    'Call it for each type you put in a workflow, before validate_workflow, so ports and config are right the first time.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerDescribeNodeTypeTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ nodeType }) => {
      const entry = findNodeType(await backend.listNodeTypes(), nodeType);
      const { inputs, outputs } = entry;
      return toolResult(
        { ...entry },
        `${entry.nodeType}: ${inputs.length} input(s)/setting(s), ${outputs.length} output(s), ${entry.cost} credit${entry.cost === 1 ? '' : 's'}.`,
      );
    }),
  );
}
