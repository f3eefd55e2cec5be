import { z } from 'zod';
import type { CatalogEntry } from '../../backend/index.js';
import { CatalogEntrySchema } from '../../service/index.js';

/**
 * A node type in a list: enough to pick one. The whole entry (config schema, every setting) is
 * 4–10 KB a type, so lists carry this and describe_node_type or `pipewright://nodes/{nodeType}`
 * the rest; ports only when asked.
 */
export const NodeTypeSummary = CatalogEntrySchema.pick({
  nodeType: true,
  label: true,
  category: true,
  description: true,
  cost: true,
  deprecated: true,
  aliasOf: true,
  deprecationNote: true,
}).extend({
  inputs: z.array(z.string()).optional().describe('With includePorts: input ports as "<port>:<type>", "*" when required; wire with targetHandle "in-<port>"'),
  outputs: z.array(z.string()).optional().describe('With includePorts: output ports as "<port>:<type>"; wire with sourceHandle "out-<port>"'),
});
export type NodeTypeSummary = z.infer<typeof NodeTypeSummary>;

export function summarizeNodeType(entry: CatalogEntry, includePorts = false): NodeTypeSummary {
  const { configSchema, timeoutMs, inputs, outputs, ...facts } = entry;
  if (!includePorts) return facts;
  const port = (field: CatalogEntry['inputs'][number]) => `${field.id}:${field.type}${field.required ? '*' : ''}`;
  return { ...facts, inputs: inputs.filter((field) => field.isPort).map(port), outputs: outputs.map(port) };
}
