import type { ModelEntry } from '../../../src/nodes/model/catalog/index.js';
import { messageRefusal } from '../../providers/fakes/anthropic-rules.js';
import { imageGenerationBody, imageModelRefusal } from '../../providers/fakes/openai-image-rules.js';
import { chatCompletionBody, reasoningRefusal, schemaRefusal } from '../../providers/fakes/openai-rules.js';
import { providerSchema } from '../../providers/schemas/index.js';

/** Port values a caller would wire in: a prompt, and public https URLs for media. */
const SAMPLES: Readonly<Record<string, unknown>> = {
  text: 'a red sneaker on white marble, studio light',
  image: 'https://storage.googleapis.com/falserverless/example_inputs/sneaker.png',
  video: 'https://storage.googleapis.com/falserverless/example_inputs/sneaker.mp4',
  audio: 'https://storage.googleapis.com/falserverless/example_inputs/voice.wav',
  number: 1,
  boolean: true,
  json: {},
  any: 'a red sneaker',
};

export function sampleInputs(entry: ModelEntry): Record<string, unknown> {
  return Object.fromEntries(
    entry.inputs.map((port) => {
      const item = SAMPLES[port.type.replace(/\[\]$/, '')] ?? SAMPLES.any;
      return [port.name, port.type.endsWith('[]') ? [item] : item];
    }),
  );
}

/**
 * What the provider would refuse in the body this entry sends for `params` (empty when it would
 * accept it): the stored schema for fal and Replicate (test/providers/schemas/), the SDK-derived
 * rules of the OpenAI and Anthropic stand-ins. The body is built as each adapter builds it.
 */
export function providerRefusals(entry: ModelEntry, params: Record<string, unknown>): string[] {
  const input = entry.toInput(sampleInputs(entry), params);
  const endpoint = entry.endpointFor?.(params) ?? entry.endpoint;
  if (entry.provider === 'fal' || entry.provider === 'replicate') {
    const schema = providerSchema(entry.provider, schemaKey(entry.provider, endpoint));
    if (schema === undefined) return [`no stored schema for ${entry.provider} ${endpoint}`];
    const parsed = schema.input.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  if (entry.provider === 'anthropic') return [messageRefusal({ ...input, model: endpoint, stream: false })].filter((problem) => problem !== undefined);
  return openAiRefusals(endpoint, input);
}

/** Replicate's stored schemas are per model: `owner/name:version` reads `owner/name`'s. */
export const schemaKey = (provider: 'fal' | 'replicate', endpoint: string): string => (provider === 'replicate' ? endpoint.split(':')[0]! : endpoint);

function openAiRefusals(endpoint: string, input: Record<string, unknown>): string[] {
  const [operation, model = ''] = endpoint.split(/:(.*)/s);
  if (operation === 'chat') {
    const body = { ...input, model, stream: false };
    const refusal = schemaRefusal(chatCompletionBody, body) ?? reasoningRefusal(body);
    return refusal === undefined ? [] : [refusal.message];
  }
  const body = { ...input, model };
  const parsed = imageGenerationBody.safeParse(body);
  const refusal = parsed.success ? imageModelRefusal(parsed.data) : schemaRefusal(imageGenerationBody, body);
  return refusal === undefined ? [] : [refusal.message];
}
