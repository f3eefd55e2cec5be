import type { PortSpec } from '../../../../graph/index.js';
import { credits, megapixels, PRICES_CHECKED } from '../fields.js';
import { falImages } from '../outputs.js';
import { imageIn, imageOutputs, promptIn } from '../ports.js';

/**
 * What the image entries (image/*.ts) share: their ports, request bodies, fal endpoints, per-megapixel price and price sources.
 * Parameters follow the provider's published schema: for fal, the JSON Schemas of fal-js pull
 * request #212 (https://github.com/fal-ai/fal-js/pull/212, stored in test/providers/schemas/fal/);
 * `sync_mode` is never offered, since data URIs in the result would skip the artifact copy.
 */

export const textToImage = { kind: 'text-to-image', inputs: [promptIn], outputs: imageOutputs, timeoutMs: 180_000 } as const;

const editPrompt: PortSpec = { ...promptIn, description: 'The change to make, in words ("put it on a marble table").' };
export const imageEdit = { kind: 'image-edit', inputs: [imageIn, editPrompt], outputs: imageOutputs, timeoutMs: 180_000 } as const;

type Inputs = Readonly<Record<string, unknown>>;

/** A text-to-image request: the prompt port plus every setting. */
export const promptBody = <P extends object>(inputs: Inputs, params: P): Record<string, unknown> => ({ prompt: inputs.prompt, ...params });

/** An edit request for models that take a list of images: the one wired image as a one-item list. */
export const imageListBody = <P extends object>(inputs: Inputs, params: P): Record<string, unknown> => ({
  prompt: inputs.prompt,
  image_urls: [inputs.image],
  ...params,
});

/** An edit request for models that take one image as `image_url`. */
export const imageUrlBody = <P extends object>(inputs: Inputs, params: P): Record<string, unknown> => ({
  prompt: inputs.prompt,
  image_url: inputs.image,
  ...params,
});

/** fal's price per output megapixel: each image's megapixels, rounded up, times `usd`, for each image made. */
export const perMegapixel =
  (usd: number) =>
  (p: { image_size?: unknown; num_images?: number }): number =>
    credits(usd * megapixels(p.image_size) * (p.num_images ?? 1));

/**
 * An image model fal serves at `endpoint`: fal's image output, and the endpoint's own schema page
 * (`/api`) as the source of its id and parameter names.
 */
export const falEndpoint = (endpoint: string) => ({
  provider: 'fal' as const,
  endpoint,
  fromOutput: falImages,
  source: `https://fal.ai/models/${endpoint}/api`,
});

/** fal's price page for an endpoint (`/llms.txt`), or the page the price was read from instead. */
export const falPrice = (endpoint: string, page = `https://fal.ai/models/${endpoint}/llms.txt`) => ({ source: page, checked: PRICES_CHECKED });
