import { z } from 'zod';
import type { PortSpec } from '../../../graph/index.js';
import { fileUrl, unexpectedOutput } from './outputs.js';
import { imageIn, promptIn, videoOut } from './ports.js';

/** Ports, settings and price arithmetic the video entries (video-*.ts) share. */

export const motionPrompt: PortSpec = { ...promptIn, description: 'What happens in the clip: motion, camera, mood.' };
export const firstFrame: PortSpec = { ...imageIn, description: 'The first frame: the video starts from this image.' };
export const videoIn: PortSpec = { name: 'video', type: 'video', required: true, description: 'The video to work on: a URL, artifact or file path.' };

/** What every fal text-to-video entry has in common; image-to-video swaps the inputs. */
export const textToVideo = { kind: 'video', provider: 'fal', inputs: [promptIn], outputs: [videoOut], timeoutMs: 900_000 } as const;
export const imageToVideo = { ...textToVideo, inputs: [firstFrame, motionPrompt] } as const;

type Inputs = Readonly<Record<string, unknown>>;

/** The request body of a text-to-video model: the prompt port plus every setting. */
export const promptBody = <P extends object>(inputs: Inputs, params: P): Record<string, unknown> => ({ prompt: inputs.prompt, ...params });

/** The request body of an image-to-video model, its first frame under the provider's field name. */
export const frameBody =
  (imageField: string) =>
  <P extends object>(inputs: Inputs, params: P): Record<string, unknown> => ({ prompt: inputs.prompt, [imageField]: inputs.image, ...params });

export const generateAudio = (fallback: boolean, cost = 'costs more') =>
  z.boolean().default(fallback).describe(`Add a soundtrack made with the picture (speech, effects, ambience); ${cost}.`);

export const negativePrompt = (fallback?: string, maxLength = 2500) => {
  const text = z.string().max(maxLength);
  return (fallback === undefined ? text.optional() : text.default(fallback)).describe('What to keep out of the video.');
};

export const promptExpansion = z.boolean().default(true).describe('Let the model rewrite a short prompt into a richer one.');
export const safetyChecker = z.boolean().default(true).describe("Keep the provider's safety checker on.");

/** Replicate video models answer one URI (or a one-item list): https://replicate.com/docs/reference/http#predictions.get */
export function replicateVideo(raw: unknown): Record<string, unknown> {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) throw unexpectedOutput('video');
  return { video: fileUrl(first, 'video') };
}
