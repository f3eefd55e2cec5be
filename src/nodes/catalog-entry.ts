import { z } from 'zod';
import { openObject } from '../graph/index.js';

// One node type as `GET /nodes` (compat) and describe_node_type show it. Defined where entries
// are built; src/service/wire/ lists it with the rest of the wire.

const CatalogFieldSchema = openObject({
  id: z.string().describe('Port or config key'),
  type: z.string().describe('Value type: text, image, video, audio, number, boolean, json, any, or a list like image[]'),
  required: z.boolean().describe('Must be wired or set in config'),
  isPort: z.boolean().describe('true: wireable port (handle in-<id>/out-<id>); false: a setting in data.config only'),
  description: z.string().optional().describe('What it means'),
});
export type CatalogField = z.infer<typeof CatalogFieldSchema>;

export const CatalogEntrySchema = z.object({
  nodeType: z.string().describe('Value for data.nodeType'),
  label: z.string().describe('Human name'),
  category: z.string().describe('input, model, utility, logic or output'),
  description: z.string().describe('What it does'),
  inputs: z.array(CatalogFieldSchema).describe('Input ports and config settings'),
  outputs: z.array(CatalogFieldSchema).describe('Output ports'),
  configSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of data.config'),
  cost: z.number().describe('Credits per run with default config'),
  timeoutMs: z.number().describe('Per-run timeout'),
  deprecated: openObject({
    replacedBy: z.string().optional().describe('The type to use instead'),
    message: z.string().optional().describe('Why'),
  })
    .optional()
    .describe('Set when this type should not be used in new workflows'),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
