import { z } from 'zod';

export const ViolationOutput = z.looseObject({
  rule: z.string().describe('The rule broken, e.g. bad-target-handle, missing-required-input, cycle'),
  message: z.string().describe('What is wrong'),
  fix: z.string().optional().describe('A concrete change that fixes it'),
  nodeId: z.string().optional().describe('The node at fault'),
  edgeId: z.string().optional().describe('The edge at fault'),
  path: z
    .array(z.union([z.string(), z.number()]))
    .optional()
    .describe('Where in the body, e.g. ["nodes",2,"data","config","width"]'),
});

export const MigrationOutput = z.looseObject({
  field: z.string().describe('The field corrected'),
  from: z.unknown().describe('What was sent'),
  to: z.unknown().describe('What was stored'),
  message: z.string().describe('Why'),
  nodeId: z.string().optional().describe('The node corrected'),
  edgeId: z.string().optional().describe('The edge corrected'),
});
