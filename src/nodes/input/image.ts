import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import type { PortSpec } from '../../graph/index.js';
import { readMedia } from '../io/media.js';
import { requireMediaRef } from '../io/media-ref.js';
import { onEveryPort } from '../support/same-value.js';
import { assertAllowedUrl } from '../../net/index.js';
import { artifactRef } from '../../artifacts/index.js';
import { defineNodeType, type NodeContext } from '../node-type.js';

const settings = z.strictObject({
  image: z
    .string()
    .default('')
    .describe('The image: an http(s) URL, a data: URI, or a local file path (where the server allows local files). A run-time input replaces it.'),
});

const OUTPUTS: readonly PortSpec[] = [
  { name: 'image', type: 'image', description: 'The image, as a URL.' },
  { name: 'media', type: 'image', description: 'The same image, for nodes whose input is called media.' },
  { name: 'url', type: 'text', description: 'The same URL, as text.' },
];

export const inputImage = defineNodeType({
  nodeType: 'input:image',
  label: 'Image input',
  category: 'input',
  description: 'An image given to the workflow by URL, data URI or file path, or supplied when it runs. Wire it into any image port.',
  config: settings,
  inputKey: 'image',
  inputs: [],
  outputs: OUTPUTS,
  cost: () => 0,
  timeoutMs: 60_000,
  async run(ctx) {
    return onEveryPort(OUTPUTS, await imageUrl(requireMediaRef(ctx.settings.image, 'image'), ctx));
  },
});

/**
 * Web URLs pass through (providers fetch them themselves); inline and local images are copied
 * into the artifact store, so later nodes and clients get a URL like any other output. One of our
 * own files, in whatever form a client passed it back (a signed URL expires), becomes its reference.
 */
async function imageUrl(ref: string, ctx: Pick<NodeContext, 'artifacts' | 'policy' | 'signal'>): Promise<string> {
  const ownId = ctx.artifacts.idFromUrl(ref);
  if (ownId !== undefined) return artifactRef(ownId);
  if (/^https?:/i.test(ref)) {
    await assertAllowedUrl(ref, ctx.policy);
    return ref;
  }
  const media = await readMedia(ref, { artifacts: ctx.artifacts, policy: ctx.policy, signal: ctx.signal });
  if (!media.contentType.startsWith('image/')) {
    throw new PipewrightError('invalid_image', `The image input is ${media.contentType}, not an image`, {
      details: { contentType: media.contentType },
    });
  }
  const artifact = await ctx.artifacts.put({ bytes: media.bytes, contentType: media.contentType });
  return artifact.url;
}
