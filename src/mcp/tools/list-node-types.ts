import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend, CatalogEntry } from '../../backend/index.js';
import { CatalogEntrySchema } from '../../service/index.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'list_node_types';

export const inputSchema = {
  category: z.string().optional().describe('Only this category: input, model, utility, logic, output'),
  query: z.string().optional().describe('Only types whose nodeType, label or description contains this text (case-insensitive), e.g. "upscale"'),
  includeAliases: z
    .boolean()
    .optional()
    .describe('Also list old names kept so older graphs still run, marked deprecated with aliasOf (default false: current types only)'),
};

// The catalog entry's own fields, with ports shortened to strings: one schema for a node type.
const NodeTypeSummary = CatalogEntrySchema.pick({
  nodeType: true,
  label: true,
  category: true,
  description: true,
  cost: true,
  deprecated: true,
  aliasOf: true,
  deprecationNote: true,
}).extend({
  inputs: z.array(z.string()).describe('Input ports as "<port>:<type>", "*" when required; wire with targetHandle "in-<port>"'),
  outputs: z.array(z.string()).describe('Output ports as "<port>:<type>"; wire with sourceHandle "out-<port>"'),
});

export const outputSchema = {
  nodeTypes: z.array(NodeTypeSummary).describe('Matching node types; old names (aliases) only with includeAliases, marked deprecated'),
};

export const config = {
  title: 'List node types',
  description:
    'Lists the node types pipewright can run: inputs, AI models (image, video, speech, LLM), utilities, logic and outputs, with ports and cost. ' +
    'Call it first when drafting a workflow; filter with category or query. Then call describe_node_type for the config fields of the types you pick.',
  inputSchema,
  outputSchema,
  annotations: { title: 'List node types', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export function registerListNodeTypesTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ category, query, includeAliases }) => {
      const catalog = await backend.listNodeTypes();
      const needle = query?.toLowerCase();
      const nodeTypes = catalog
        .filter((entry) => includeAliases === true || entry.deprecated !== true)
        .filter((entry) => category === undefined || entry.category === category)
        .filter((entry) => needle === undefined || [entry.nodeType, entry.label, entry.description].some((text) => text.toLowerCase().includes(needle)))
        .map(summarize);
      return toolResult({ nodeTypes }, `${nodeTypes.length} node type(s).`);
    }),
  );
}

function summarize({ configSchema, timeoutMs, inputs, outputs, ...facts }: CatalogEntry): z.infer<typeof NodeTypeSummary> {
  const port = (field: CatalogEntry['inputs'][number]) => `${field.id}:${field.type}${field.required ? '*' : ''}`;
  return { ...facts, inputs: inputs.filter((field) => field.isPort).map(port), outputs: outputs.map(port) };
}
