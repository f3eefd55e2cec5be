import { z } from 'zod';
import type { PortSpec } from '../../graph/index.js';
import { toText } from '../support/coerce.js';
import { onEveryPort, SAME_TEXT } from '../support/same-value.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  prompt: z.string().default('').describe('The text this node provides; a run-time input replaces it.'),
});

const OUTPUTS: readonly PortSpec[] = [{ name: 'prompt', type: 'text', description: 'The text.' }, SAME_TEXT];

export const inputText = defineNodeType({
  nodeType: 'input:text',
  label: 'Text input',
  category: 'input',
  description: 'A piece of text — usually a prompt — typed into the workflow or supplied when it runs. Wire its output into any text port.',
  config: settings,
  inputKey: 'prompt',
  inputs: [],
  outputs: OUTPUTS,
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings }) {
    return onEveryPort(OUTPUTS, toText(settings.prompt, 'The text input'));
  },
});
