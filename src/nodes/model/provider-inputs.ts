import type { NodeContext } from '../node-type.js';
import { readMedia } from '../io/media.js';
import type { ModelEntry } from './catalog/entry.js';
import { filePorts, mapRefs } from './media-ports.js';

const PUBLIC_URL = /^https?:\/\//i;

/**
 * Input values as a provider can read them. A public http(s) URL goes as is (the provider fetches
 * it); our own artifacts, local files and data URIs go inline as base64 data URIs, which fal and
 * Replicate accept for file inputs (https://fal.ai/models/fal-ai/clarity-upscaler/api, "Files").
 * Local files are read under the run's policy, so server mode still refuses them.
 */
export async function providerInputs(
  entry: ModelEntry,
  ctx: Pick<NodeContext, 'inputs' | 'artifacts' | 'policy' | 'signal'>,
): Promise<Record<string, unknown>> {
  const inputs = { ...ctx.inputs };
  for (const port of filePorts(entry.inputs)) {
    inputs[port.name] = await mapRefs(inputs[port.name], async (ref) => {
      if (PUBLIC_URL.test(ref) && ctx.artifacts.idFromUrl(ref) === undefined) return ref;
      const { bytes, contentType } = await readMedia(ref, { artifacts: ctx.artifacts, policy: ctx.policy, signal: ctx.signal });
      return `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
    });
  }
  return inputs;
}
