import { z } from 'zod';

/** Settings every node type accepts on top of its own, read by the engine rather than the node. */
export const CommonConfigSchema = z.object({
  timeoutMs: z.number().int().min(1).max(3_600_000).optional().describe('Per-attempt timeout; overrides the node type default.'),
  maxRetries: z.number().int().min(0).max(10).optional().describe('Retries after a transient failure; overrides the node type default.'),
  maxIterations: z.number().int().min(1).max(1000).optional().describe('Upper bound on items when a list fans out into this node.'),
});
export type CommonConfig = z.infer<typeof CommonConfigSchema>;
export const COMMON_CONFIG_KEYS: readonly string[] = Object.keys(CommonConfigSchema.shape);
