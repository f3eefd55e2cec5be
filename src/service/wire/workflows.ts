import { z } from 'zod';
import { PositionSchema, WorkflowSchema, jsonObject } from '../../graph/index.js';

// What the workflow routes take (docs/api.md "Routes"), and the same fields save_workflow,
// validate_workflow and list_workflows publish to a model (docs/mcp.md).

const fields = WorkflowSchema.shape;

/** A workflow's name, as the graph schema allows it. */
export const WorkflowNameSchema = fields.name.unwrap();

/**
 * Published as lists of objects, parsed as lists of anything: what each node and edge must hold
 * is the graph validator's to say, so a malformed one is an `invalid_graph` violation naming the
 * node, with its fix, exactly as lint reports it; that teaches a caller more than a schema error.
 */
const graphList = (description: string) =>
  z.array(z.unknown().meta({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} })).describe(description);

export const NodesSchema = graphList(
  'React Flow nodes: {id, type:"basedNode", position:{x,y}, data:{nodeType:"<family>:<name>", label?, config:{…}}}. ' +
    'An input port that is not wired reads data.config[<port>]. list_node_types/describe_node_type give the types, ports and config.',
);

export const EdgesSchema = graphList('Edges: {id, source, target, sourceHandle:"out-<port>", targetHandle:"in-<port>"}; port types must be compatible.');

/**
 * Optimistic concurrency on PUT and PATCH: the `updatedAt` the client's copy was read at. Any
 * string passes here; the service says `invalid_field` for one that is not a date-time.
 */
const BaseUpdatedAt = z.string();

/**
 * POST and PUT `/workflows`. Only the envelope is checked here; nodes and edges go to the graph
 * validator. Unknown top-level keys, the server-owned ones included (id, version, webhookId, …),
 * are ignored, so a fetched workflow can be sent back as is. Omitted fields take defaults on
 * create and keep their current value on replace.
 */
export const SaveBodySchema = z.looseObject({
  name: WorkflowNameSchema.optional().describe('Workflow name (default "Untitled workflow" on create; unchanged on update when omitted)'),
  description: fields.description.unwrap().nullable().optional().describe('What it does and which inputs it takes'),
  tags: fields.tags.unwrap().optional().describe('Tags, e.g. ["template"]'),
  isActive: fields.isActive.unwrap().optional().describe('false stops it from running (default true)'),
  nodes: NodesSchema,
  edges: EdgesSchema.optional(),
  baseUpdatedAt: BaseUpdatedAt.optional().describe(
    'On update: the updatedAt your copy came from; a newer save makes this fail with stale_write instead of overwriting it',
  ),
});
export type SaveBody = z.infer<typeof SaveBodySchema>;

/**
 * What lint judges: any JSON, answered with a verdict and never refused (docs/api.md, "POST
 * /workflows/lint"). Its schema is the graph validator's, which the service runs.
 */
export type LintBody = unknown;

/** A key set to null is deleted; any other value replaces the key's value. */
const MergePatch = jsonObject();

/** `PATCH /workflows/{id}/nodes/{nodeId}`. */
export const PatchNodeBodySchema = z.strictObject({
  config: MergePatch.optional(),
  params: MergePatch.optional(),
  label: z.string().max(500).optional(),
  position: PositionSchema.optional(),
  baseUpdatedAt: BaseUpdatedAt.optional(),
});
export type PatchNodeBody = z.infer<typeof PatchNodeBodySchema>;

/** `POST /workflows/{id}/duplicate`; no body is `{}`. */
export const DuplicateBodySchema = z.strictObject({ name: WorkflowNameSchema.optional() });
export type DuplicateBody = z.infer<typeof DuplicateBodySchema>;

/** The largest page a list answers. */
const MAX_PAGE = 100;

const pageLimit = { error: `limit must be a whole number from 1 to ${MAX_PAGE}` };

/** Page size of every list. */
export const PageLimitSchema = z.number().int(pageLimit).min(1, pageLimit).max(MAX_PAGE, pageLimit);

/** `GET /workflows` (query) and list_workflows, whose `query` is `q`. */
export const WorkflowListQuerySchema = z.object({
  tag: z.string().optional().describe('Only workflows with this tag, e.g. "template" or "scratch"'),
  isActive: z.boolean().optional().describe('Only active (true) or inactive (false) workflows'),
  q: z.string().optional().describe('Only workflows whose name or description contains this text'),
  limit: PageLimitSchema.optional().describe(`Page size, 1–${MAX_PAGE} (default 20)`),
  cursor: z.string().optional().describe('nextCursor from the previous page'),
});
export type WorkflowListQuery = z.infer<typeof WorkflowListQuerySchema>;
