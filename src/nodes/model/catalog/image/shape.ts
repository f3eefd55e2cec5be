import type { PortSpec } from '../../../../graph/index.js';
import { imageIn, imageOutputs, promptIn } from '../ports.js';

/**
 * What the image entries (image/*.ts) share: their ports, request bodies and price sources.
 * Parameters follow the provider's published schema: for fal, the JSON Schemas of fal-js pull
 * request #212 (https://github.com/fal-ai/fal-js/pull/212, stored in test/providers/schemas/fal/);
 * `sync_mode` is never offered, since data URIs in the result would skip the artifact copy.
 */

/** The day the image price pages were read. */
export const PRICES_CHECKED = '2026-12-03';

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

/** fal's page for an endpoint: its schema (`/api`) and its price (`/llms.txt`). */
export const falApi = (endpoint: string) => `https://fal.ai/models/${endpoint}/api`;
export const falPrice = (endpoint: string, page = `https://fal.ai/models/${endpoint}/llms.txt`) => ({ source: page, checked: PRICES_CHECKED });
