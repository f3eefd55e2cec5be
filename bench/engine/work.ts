import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { BenchNode } from './graphs.js';

export const SleepSettingsSchema = z.strictObject({
  ms: z.number().int().min(0).default(50).describe('How long the node waits.'),
});

/** One unit of node work, shared by every runner so they are compared on identical work. */
export type Work = (signal?: AbortSignal) => Promise<void>;

export const noopWork: Work = async () => {};

export function sleepWork(ms: number): Work {
  return (signal) => delay(ms, undefined, signal ? { signal } : undefined);
}

const WORK_BY_TYPE: Readonly<Record<string, (config: Record<string, unknown>) => Work>> = {
  'bench:noop': () => noopWork,
  'bench:sleep': (config) => sleepWork(SleepSettingsSchema.parse(config).ms),
};

/** The work a node does, resolved once before timing so the baselines pay nothing per run. */
export function workOf(node: BenchNode): Work {
  const make = WORK_BY_TYPE[node.data.nodeType];
  if (!make) throw new Error(`bench: no work defined for node type ${node.data.nodeType}`);
  return make(node.data.config);
}
