import { z } from 'zod';
import { openObject } from '../../graph/index.js';

// A workflow as the faces show it (docs/workflow-format.md).

const envelope = {
  id: z.string().describe('Workflow id (wf_…)'),
  name: z.string().describe('Workflow name'),
  description: z.string().optional().describe('What the workflow does'),
  tags: z.array(z.string()).describe('Tags; "scratch" marks graphs saved by execute_workflow'),
  isActive: z.boolean().describe('Inactive workflows cannot run'),
  version: z.number().describe('Current version, +1 on every save'),
  webhookId: z.string().describe('Id of the no-auth trigger URL'),
  webhookUrl: z.string().describe('POST here to run it without a key'),
  createdAt: z.string().describe('ISO time of creation'),
  updatedAt: z.string().describe('ISO time of the last save; send as baseUpdatedAt to guard an update'),
};

/** `GET /workflows/{id}` (unwrapped), the `data` of a save, get_workflow. */
export const WorkflowViewSchema = openObject({
  ...envelope,
  nodes: z.array(z.unknown()).describe('React Flow nodes as stored'),
  edges: z.array(z.unknown()).describe('React Flow edges as stored'),
});
export type WorkflowView = z.infer<typeof WorkflowViewSchema>;

/** A workflow in a list: its graph left out, counted. */
export const WorkflowSummarySchema = openObject({
  ...envelope,
  nodeCount: z.number().describe('Number of nodes'),
  edgeCount: z.number().describe('Number of edges'),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummarySchema>;
