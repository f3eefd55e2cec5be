import { z } from 'zod';

/** Left loose on purpose: the service validates the graph and answers with violations and fixes, which teach a model more than a schema error. */
export const NodesInput = z
  .array(z.record(z.string(), z.unknown()))
  .describe(
    'React Flow nodes: {id, type:"basedNode", position:{x,y}, data:{nodeType:"<family>:<name>", label?, config:{…}}}. ' +
      'An input port that is not wired reads data.config[<port>]. list_node_types/describe_node_type give the types, ports and config.',
  );

export const EdgesInput = z
  .array(z.record(z.string(), z.unknown()))
  .describe('Edges: {id, source, target, sourceHandle:"out-<port>", targetHandle:"in-<port>"}; port types must be compatible.');

export const ViolationOutput = z.looseObject({
  rule: z.string().describe('The rule broken, e.g. bad-target-handle, missing-required-input, cycle'),
  message: z.string().describe('What is wrong'),
  fix: z.string().optional().describe('A concrete change that fixes it'),
  nodeId: z.string().optional().describe('The node at fault'),
  edgeId: z.string().optional().describe('The edge at fault'),
  path: z.array(z.union([z.string(), z.number()])).optional().describe('Where in the body, e.g. ["nodes",2,"data","config","width"]'),
});

export const MigrationOutput = z.looseObject({
  field: z.string().describe('The field corrected'),
  from: z.unknown().describe('What was sent'),
  to: z.unknown().describe('What was stored'),
  message: z.string().describe('Why'),
  nodeId: z.string().optional().describe('The node corrected'),
  edgeId: z.string().optional().describe('The edge corrected'),
});
