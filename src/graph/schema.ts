import { z } from 'zod';
import { GRAPH_LIMITS } from './limits.js';
import { jsonObject } from './user-keys.js';

const Id = z.string().min(1).max(GRAPH_LIMITS.maxIdLength);

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

/**
 * Editor-owned keys (`label`, unknown ones) are kept as sent and never change execution.
 * `output`/`result` are stale run results some editors echo back: dropped on the way in.
 */
export const NodeDataSchema = z
  .looseObject({
    nodeType: z.string().min(1).max(200),
    label: z.string().max(500).optional(),
    category: z.string().optional(),
    config: jsonObject().default({}),
  })
  .transform(({ output: _output, result: _result, ...rest }) => rest);

export const WorkflowNodeSchema = z.looseObject({
  id: Id,
  type: z.string().optional(),
  position: PositionSchema.optional(),
  data: NodeDataSchema,
});

export const WorkflowEdgeSchema = z.looseObject({
  /** Optional on the way in: a missing id is derived from the endpoints. */
  id: Id.optional(),
  source: Id,
  target: Id,
  sourceHandle: z.string().max(200).nullish(),
  targetHandle: z.string().max(200).nullish(),
});

/** What lint and execute accept: a bare `{nodes, edges}` or a whole workflow. */
export const GraphSchema = z.looseObject({
  nodes: z.array(WorkflowNodeSchema),
  edges: z.array(WorkflowEdgeSchema).default([]),
});

export const WorkflowSchema = GraphSchema.extend({
  id: z.string().optional(),
  name: z.string().min(1).max(200).default('Untitled workflow'),
  description: z.string().max(5000).optional(),
  tags: z.array(z.string().min(1).max(50)).max(20).default([]),
  isActive: z.boolean().default(true),
});

export type WorkflowNode = z.infer<typeof WorkflowNodeSchema>;
export type WorkflowEdge = z.infer<typeof WorkflowEdgeSchema>;
export type Graph = z.infer<typeof GraphSchema>;
export type Workflow = z.infer<typeof WorkflowSchema>;
