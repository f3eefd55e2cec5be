import { z } from 'zod';
import { PORT_NAME_PATTERN, type NodePorts, type PortSpec } from '../../graph/index.js';
import { asText } from '../support/coerce.js';
import { JsonPathSchema, lookupPath, parsePath } from '../support/json-path.js';
import { defineNodeType } from '../node-type.js';

const DEFAULT_PORT = 'default';

const settings = z.strictObject({
  cases: z
    .array(
      z
        .string()
        .regex(PORT_NAME_PATTERN, 'use letters, digits, _ and single dashes')
        .refine((c) => c !== DEFAULT_PORT, 'default is the fallback output'),
    )
    .min(1)
    .max(20)
    .refine((cases) => new Set(cases).size === cases.length, 'cases must be unique')
    .describe('The values to route on; each becomes an output of the same name (handle out-<case>).'),
  key: JsonPathSchema.optional().describe('When the value is JSON, the path of the field to route on, e.g. status or result.kind.'),
});

const INPUTS: readonly PortSpec[] = [{ name: 'value', type: 'any', required: true, description: 'What is routed (and, without key, what is matched).' }];
const DEFAULT_OUTPUT: PortSpec = { name: DEFAULT_PORT, type: 'any', description: 'The value, when no case matches.' };

export const logicSwitch = defineNodeType({
  nodeType: 'logic:switch',
  label: 'Switch',
  category: 'logic',
  description:
    'Sends its value to the output named after the matching case (or to default), so only that branch runs; the others are skipped. ' +
    'Matches the value itself, or one field of it when key is set.',
  config: settings,
  inputs: INPUTS,
  outputs: [DEFAULT_OUTPUT],
  portsFor: casePorts,
  cost: () => 0,
  timeoutMs: 5_000,
  // Only the chosen output is returned: the engine skips whatever hangs off the others.
  async run({ settings, inputs }) {
    const selector = selectorOf(inputs.value, settings.key);
    const match = settings.cases.find((name) => name === selector);
    return { [match ?? DEFAULT_PORT]: inputs.value };
  },
});

/** A missing field routes to default rather than failing: "none of the above" is what default is for. */
function selectorOf(value: unknown, key: string | undefined): string | undefined {
  if (key === undefined) return asText(value);
  const found = lookupPath(value, parsePath(key) ?? []);
  return found.found ? asText(found.value) : undefined;
}

/** Ports read the raw config, which has not been validated yet: unusable case names are left out. */
function casePorts(config: Record<string, unknown>): NodePorts {
  const cases = Array.isArray(config.cases) ? config.cases : [];
  const names = [...new Set(cases.filter((c): c is string => typeof c === 'string' && PORT_NAME_PATTERN.test(c) && c !== DEFAULT_PORT))];
  const outputs = names.map((name): PortSpec => ({ name, type: 'any', description: `The value, when it matches ${name}.` }));
  return { inputs: INPUTS, outputs: [...outputs, DEFAULT_OUTPUT] };
}
