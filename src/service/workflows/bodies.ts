import { z } from 'zod';
import { PositionSchema, WorkflowSchema, jsonObject } from '../../graph/index.js';

const fields = WorkflowSchema.shape;
const Name = fields.name.unwrap();

/**
 * Optimistic concurrency on PUT and PATCH: the `updatedAt` the client's copy was read at. Any
 * string passes here; checkBase says `invalid_field` for one that is not a date-time.
 */
const BaseUpdatedAt = z.string();

/**
 * POST and PUT bodies. Only the envelope is checked here; nodes and edges go to validateGraph,
 * so a malformed node is an `invalid_graph` violation with its node id, exactly as lint reports
 * it. Unknown top-level keys, including the server-owned ones (id, version, webhookId, …), are
 * ignored. Omitted fields take defaults on create and keep their current value on replace.
 */
export const SaveBodySchema = z.looseObject({
  name: Name.optional(),
  description: fields.description.unwrap().nullable().optional(),
  tags: fields.tags.unwrap().optional(),
  isActive: fields.isActive.unwrap().optional(),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()).optional(),
  baseUpdatedAt: BaseUpdatedAt.optional(),
});
export type SaveBody = z.infer<typeof SaveBodySchema>;

/** A key set to null is deleted; any other value replaces the key's value. */
const MergePatch = jsonObject();

export const PatchNodeBodySchema = z.strictObject({
  config: MergePatch.optional(),
  params: MergePatch.optional(),
  label: z.string().max(500).optional(),
  position: PositionSchema.optional(),
  baseUpdatedAt: BaseUpdatedAt.optional(),
});
export type PatchNodeBody = z.infer<typeof PatchNodeBodySchema>;

export const DuplicateBodySchema = z.strictObject({ name: Name.optional() });
