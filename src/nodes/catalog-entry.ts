import { z } from 'zod';
import { openObject } from '../graph/index.js';

// One node type as `GET /nodes` (compat), list_node_types and describe_node_type show it. Defined
// where entries are built; src/service/wire/ lists it with the rest of the wire. An old name is
// marked `deprecated: true, aliasOf: "<current nodeType>"` (docs/api.md, `GET /nodes`).

const CatalogFieldSchema = openObject({
  id: z.string().describe('Port or config key'),
  type: z.string().describe('Value type: text, image, video, audio, number, boolean, json, any, or a list like image[]'),
  required: z.boolean().describe('Must be wired or set in config'),
  isPort: z.boolean().describe('true: wireable port (handle in-<id>/out-<id>); false: a setting in data.config only'),
  description: z.string().optional().describe('What it means'),
});
export type CatalogField = z.infer<typeof CatalogFieldSchema>;

export const CatalogEntrySchema = z.object({
  nodeType: z.string().describe('Value for data.nodeType, e.g. generate:flux_2'),
  label: z.string().describe('Human name'),
  category: z.string().describe('input, model, utility, logic or output'),
  description: z.string().describe('What it does'),
  inputs: z.array(CatalogFieldSchema).describe('Input ports and config settings'),
  outputs: z.array(CatalogFieldSchema).describe('Output ports'),
  configSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of data.config'),
  cost: z.number().describe('Credits per run with default config'),
  timeoutMs: z.number().describe('Per-run timeout'),
  deprecated: z.boolean().optional().describe('true on an old name kept so older graphs still run; absent on current types'),
  aliasOf: z.string().optional().describe('With deprecated: the current node type this old name runs; use it in new workflows'),
  deprecationNote: z.string().optional().describe('With deprecated: why, and what changes when moving to the current type'),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
