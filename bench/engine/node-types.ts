import { z } from 'zod';
import { defineNodeType } from '../../src/nodes/node-type.js';
import { NodeRegistry } from '../../src/nodes/registry.js';
import type { PortSpec } from '../../src/graph/spec.js';
import { noopWork, sleepWork, SleepSettingsSchema } from './work.js';

/** A list port that is not required, so any number of edges (or none) may fan into it. */
const PORTS: { inputs: PortSpec[]; outputs: PortSpec[] } = {
  inputs: [{ name: 'in', type: 'any[]', required: false }],
  outputs: [{ name: 'out', type: 'any' }],
};

const COMMON = { category: 'utility', cost: () => 0, timeoutMs: 60_000, cacheable: false } as const;

export const benchNoop = defineNodeType({
  ...COMMON,
  ...PORTS,
  nodeType: 'bench:noop',
  label: 'Bench no-op',
  description: 'Does nothing; measures pure scheduling cost.',
  config: z.strictObject({}),
  async run() {
    await noopWork();
    return { out: null };
  },
});

export const benchSleep = defineNodeType<z.infer<typeof SleepSettingsSchema>>({
  ...COMMON,
  ...PORTS,
  nodeType: 'bench:sleep',
  label: 'Bench sleep',
  description: 'Waits `ms` milliseconds, stopping early on abort; stands in for a slow model call.',
  config: SleepSettingsSchema,
  async run({ settings, signal }) {
    await sleepWork(settings.ms)(signal);
    return { out: null };
  },
});

export function createBenchRegistry(): NodeRegistry {
  return new NodeRegistry([benchNoop, benchSleep]);
}
