import { z } from 'zod';
import { jsonObject } from '../../graph/index.js';

// One schema per request body of the execution use cases; REST and MCP parse with the same ones.

const Inputs = jsonObject().describe('Run-time values for input nodes, by node id.');
const Version = z.number().int().positive().describe('Run this past version of the workflow instead of the current one.');

export const ExecuteBodySchema = z
  .strictObject({
    inputs: Inputs.optional(),
    nodes: z.array(z.unknown()).optional().describe('Run this graph instead of the saved one.'),
    edges: z.array(z.unknown()).optional(),
    targetNodeId: z.string().min(1).optional().describe('Run only this node and the ancestors it needs.'),
    force: z.boolean().optional().describe('Ignore cached outputs.'),
    dryRun: z.boolean().optional().describe('Call no provider; placeholders at zero credits.'),
    version: Version.optional(),
  })
  .refine((body) => body.edges === undefined || body.nodes !== undefined, { message: 'edges were sent without nodes', path: ['edges'] })
  .refine((body) => body.version === undefined || body.nodes === undefined, { message: 'send either version or an inline graph, not both', path: ['version'] });
export type ExecuteBody = z.infer<typeof ExecuteBodySchema>;

export const RunBodySchema = z.strictObject({
  inputs: z.union([Inputs, z.array(Inputs)]).optional().describe('One input set, or an array of them to start a batch.'),
  version: Version.optional(),
  dryRun: z.boolean().optional(),
});

/** A webhook body is any JSON object; it is kept as `triggerData`. */
export const TriggerBodySchema = jsonObject();

/** Input sets in one batch (docs/execution.md). */
export const MAX_BATCH = 100;
/** A webhook body, serialised (docs/api.md, "Webhooks"). */
export const MAX_TRIGGER_BYTES = 256 * 1024;
