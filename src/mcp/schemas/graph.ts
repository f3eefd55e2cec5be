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

/** The graph's non-blocking issues: validate_workflow and save_workflow both return them, from the same lint. */
export const WarningsOutput = z.array(ViolationOutput).describe('Non-blocking issues: unused nodes, no output, deprecated types, providers not configured');

export const MigrationOutput = z.looseObject({
  field: z.string().describe('The field corrected'),
  from: z.unknown().describe('What was sent'),
  to: z.unknown().describe('What was stored'),
  message: z.string().describe('Why'),
  nodeId: z.string().optional().describe('The node corrected'),
  edgeId: z.string().optional().describe('The edge corrected'),
});

/** What a save reports about the graph it stored, beside the workflow: the service's `meta`, which save_workflow returns as is. */
export const SaveMetaOutput = {
  warnings: WarningsOutput,
  migrations: z.array(MigrationOutput).describe('Corrections made to what was sent, e.g. a wrong category'),
};
