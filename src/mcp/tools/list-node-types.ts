import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend, CatalogEntry } from '../../backend/index.js';
import { PipewrightError } from '../../errors/index.js';
import { NodeTypeSummary, summarizeNodeType } from '../schemas/node-type.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'list_node_types';

const DEFAULT_LIMIT = 50;

export const inputSchema = {
  category: z.string().optional().describe('Only this category: input, model, utility, logic, output'),
  query: z.string().optional().describe('Only types whose nodeType, label or description contains this text (case-insensitive), e.g. "upscale"'),
  includeAliases: z
    .boolean()
    .optional()
    .describe('Also list old names kept so older graphs still run, marked deprecated with aliasOf (default false: current types only)'),
  includePorts: z.boolean().optional().describe('Also list each type\'s ports as "<port>:<type>" (default false; describe_node_type has them with settings)'),
  limit: z.int().min(1).max(100).optional().describe(`Page size, 1–100 (default ${DEFAULT_LIMIT})`),
  cursor: z.string().optional().describe('nextCursor from the previous page'),
};

export const outputSchema = {
  nodeTypes: z.array(NodeTypeSummary).describe('Matching node types, in catalog order; old names (aliases) only with includeAliases, marked deprecated'),
  total: z.int().describe('How many node types match, over all pages'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
};

export const config = toolConfig({
  title: 'List node types',
  description:
    'Lists the node types pipewright can run: inputs, AI models (image, video, speech, LLM), utilities, logic and outputs, with what each does and its cost. ' +
    'Call it first when drafting a workflow; filter with category or query (e.g. "video", "upscale"). Then call describe_node_type for the ports and config of the types you pick.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

type Args = { [K in keyof typeof inputSchema]: z.infer<(typeof inputSchema)[K]> };

export function registerListNodeTypesTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async (args: Args) => {
      const matching = matches(await backend.listNodeTypes(), args);
      const start = args.cursor === undefined ? 0 : after(matching, args.cursor);
      const page = matching.slice(start, start + (args.limit ?? DEFAULT_LIMIT));
      const more = start + page.length < matching.length;
      const nodeTypes = page.map((entry) => summarizeNodeType(entry, args.includePorts));
      const nextCursor = more ? page.at(-1)!.nodeType : null;
      const shown = more || start > 0 ? `${nodeTypes.length} of ${matching.length}` : `${matching.length}`;
      return toolResult({ nodeTypes, total: matching.length, nextCursor }, `${shown} node type(s)${more ? '; more: pass nextCursor' : ''}.`);
    }),
  );
}

function matches(catalog: CatalogEntry[], { category, query, includeAliases }: Args): CatalogEntry[] {
  const needle = query?.toLowerCase();
  return catalog
    .filter((entry) => includeAliases === true || entry.deprecated !== true)
    .filter((entry) => category === undefined || entry.category === category)
    .filter((entry) => needle === undefined || [entry.nodeType, entry.label, entry.description].some((text) => text.toLowerCase().includes(needle)));
}

/** The cursor is the last type of the previous page: the next page starts after it. */
function after(matching: CatalogEntry[], cursor: string): number {
  const at = matching.findIndex((entry) => entry.nodeType === cursor);
  if (at === -1) throw new PipewrightError('invalid_field', 'cursor is not one this tool returned for these filters', { details: { field: 'cursor' } });
  return at + 1;
}
