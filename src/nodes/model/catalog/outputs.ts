import { PipewrightError } from '../../../errors/index.js';
import { anthropicText, chatText, openAiImages } from '../../../providers/index.js';

/**
 * Reading the providers' documented result shapes into port values. A shape that does not match
 * is the provider's fault (or a changed API), never the user's: it fails the node permanently,
 * since a retry would pay again for the same surprise.
 */

type Json = Record<string, unknown>;

export function unexpectedOutput(what: string): PipewrightError {
  return new PipewrightError('unexpected_provider_output', `The provider's response had no ${what}`);
}

function record(value: unknown, what: string): Json {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  throw unexpectedOutput(what);
}

/** A fal `File`/`Image` object (`{url, content_type, …}`) or a bare URL string. */
export function fileUrl(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  const url = record(value, what).url;
  if (typeof url === 'string' && url !== '') return url;
  throw unexpectedOutput(what);
}

function fileList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw unexpectedOutput(what);
  return value.map((item) => fileUrl(item, what));
}

/** fal text-to-image and edit models: `{ images: [{ url }] }` → the first on `image`, all on `images`. */
export function falImages(raw: unknown): Json {
  const images = fileList(record(raw, 'images').images, 'images');
  return { image: images[0], images };
}

/** fal one-image models (upscalers, background removal): `{ image: { url } }`. */
export function falImage(raw: unknown): Json {
  return { image: fileUrl(record(raw, 'image').image, 'image') };
}

/** fal video models: `{ video: { url } }`. */
export function falVideo(raw: unknown): Json {
  return { video: fileUrl(record(raw, 'video').video, 'video') };
}

/** fal speech models: `{ audio: { url } }`. */
export function falAudio(raw: unknown): Json {
  return { audio: fileUrl(record(raw, 'audio').audio, 'audio') };
}

/** fal speech-to-text: `{ text, chunks }`. */
export function falTranscript(raw: unknown): Json {
  const { text, chunks } = record(raw, 'text');
  if (typeof text !== 'string') throw unexpectedOutput('text');
  return { text, ...(Array.isArray(chunks) ? { chunks } : {}) };
}

/** Replicate models whose `output` is one URI or a list of them (https://replicate.com/docs/reference/http#predictions.get). */
export function replicateImages(raw: unknown): Json {
  const images = typeof raw === 'string' ? [raw] : fileList(raw, 'output');
  return { image: images[0], images };
}

/** OpenAI image generation: base64 images become data URIs, which the artifact copy decodes. */
export function openaiImages(raw: unknown): Json {
  const images = openAiImages(raw).map((image) => ('url' in image ? image.url : `data:${image.contentType};base64,${image.b64Json}`));
  if (images.length === 0) throw unexpectedOutput('images');
  return { image: images[0], images };
}

/** OpenAI-compatible chat completions: the first choice's message. */
export function chatCompletion(raw: unknown): Json {
  return { text: required(chatText(raw), 'message content') };
}

/** Anthropic messages: the text blocks, joined. */
export function anthropicMessage(raw: unknown): Json {
  return { text: required(anthropicText(raw), 'text content') };
}

function required(text: string | undefined, what: string): string {
  if (text === undefined) throw unexpectedOutput(what);
  return text;
}
