import { z } from 'zod';
import { COMMON_CONFIG_KEYS, type NodePorts, type PortSpec } from '../../graph/index.js';
import { toText } from '../support/coerce.js';
import { onEveryPort, SAME_TEXT } from '../support/same-value.js';
import { defineNodeType } from '../node-type.js';

// `{{name}}` or `{{ name }}`; names follow the port-name rule so each can become `in-<name>`.
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)\s*\}\}/g;
/** A placeholder with one of these names would turn a setting into a port; they are refused. */
const RESERVED = new Set(['template', ...COMMON_CONFIG_KEYS]);

const settings = z.strictObject({
  template: z
    .string()
    .min(1)
    .describe('Text with {{name}} placeholders; each placeholder becomes a required text input of that name.')
    .refine((template) => placeholders(template).every((name) => !RESERVED.has(name)), {
      message: `placeholders may not be named ${[...RESERVED].join(', ')}`,
    }),
});

const OUTPUTS: readonly PortSpec[] = [{ name: 'prompt', type: 'text', description: 'The filled-in template.' }, SAME_TEXT];

export const promptTemplate = defineNodeType({
  nodeType: 'utility:prompt_template',
  label: 'Prompt template',
  category: 'utility',
  description:
    'Builds a prompt from a template such as "a {{style}} photo of {{subject}}": each {{name}} becomes an input to wire or set, and the output is the filled-in text.',
  config: settings,
  inputs: [],
  outputs: OUTPUTS,
  portsFor: templatePorts,
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings, inputs }) {
    const prompt = settings.template.replace(PLACEHOLDER, (_match, name: string) => toText(inputs[name], `Placeholder {{${name}}}`));
    return onEveryPort(OUTPUTS, prompt);
  },
});

/** Ports read the raw config, which has not been validated yet: a bad template simply has none. */
function templatePorts(config: Record<string, unknown>): NodePorts {
  const template = typeof config.template === 'string' ? config.template : '';
  const inputs = placeholders(template)
    .filter((name) => !RESERVED.has(name))
    .map((name): PortSpec => ({ name, type: 'text', required: true, description: `Fills {{${name}}}.` }));
  return { inputs, outputs: OUTPUTS };
}

/** Distinct placeholder names, in order of first appearance. */
function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] as string))];
}
