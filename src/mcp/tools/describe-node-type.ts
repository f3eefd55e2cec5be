import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { closestMatch } from '../../graph/index.js';
import { PipewrightError } from '../../errors/index.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'describe_node_type';

export const inputSchema = {
  nodeType: z.string().min(1).describe('The node type, e.g. generate:flux_2 (from list_node_types)'),
};

const Field = z.looseObject({
  id: z.string().describe('Port or config key'),
  type: z.string().describe('Value type: text, image, video, audio, number, boolean, json, any, or a list like image[]'),
  required: z.boolean().describe('Must be wired or set in config'),
  isPort: z.boolean().describe('true: wireable port (handle in-<id>/out-<id>); false: a setting in data.config only'),
  description: z.string().optional().describe('What it means'),
});

export const outputSchema = {
  nodeType: z.string().describe('Value for data.nodeType'),
  label: z.string().describe('Human name'),
  category: z.string().describe('input, model, utility, logic or output'),
  description: z.string().describe('What it does'),
  inputs: z.array(Field).describe('Input ports and config settings'),
  outputs: z.array(Field).describe('Output ports'),
  configSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of data.config'),
  cost: z.number().describe('Credits per run with default config'),
  timeoutMs: z.number().describe('Per-run timeout'),
  deprecated: z.looseObject({
    replacedBy: z.string().optional().describe('The type to use instead'),
    message: z.string().optional().describe('Why'),
  }).optional().describe('Set when this type should not be used in new workflows'),
};

export const config = {
  title: 'Describe a node type',
  description:
    'Gives one node type in full: every input port and config setting with its type and whether it is required, output ports, the JSON Schema of data.config, cost and timeout. ' +
    'Call it for each type you put in a workflow, before validate_workflow, so ports and config are right the first time.',
  inputSchema,
  outputSchema,
  annotations: { title: 'Describe a node type', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export function registerDescribeNodeTypeTool(server: McpServer, backend: Backend): void {
  server.registerTool(NAME, config, guarded(server, async ({ nodeType }) => {
    const catalog = await backend.listNodeTypes();
    const entry = catalog.find((candidate) => candidate.nodeType === nodeType);
    if (entry === undefined) {
      const guess = closestMatch(nodeType, catalog.map((candidate) => candidate.nodeType));
      throw new PipewrightError('not_found', `No node type ${nodeType}${guess ? `; did you mean ${guess}?` : ''}`);
    }
    const { inputs, outputs } = entry;
    return toolResult({ ...entry }, `${entry.nodeType}: ${inputs.length} input(s)/setting(s), ${outputs.length} output(s), ${entry.cost} credits.`);
  }));
}
