import type { Sharp } from 'sharp';
import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import { readMedia } from '../io/media.js';
import { requireMediaRef } from '../io/media-ref.js';
import type { NodeContext } from '../node-type.js';
import { loadSharp } from './sharp.js';

/** What the image nodes use of their context; any NodeContext fits. */
export type ImageContext = Pick<NodeContext, 'inputs' | 'artifacts' | 'policy' | 'signal'>;

export const OUTPUT_FORMATS = ['png', 'jpeg', 'webp', 'avif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Edge length limit of anything an image node makes: bigger is a mistake, not a picture. */
export const MAX_EDGE = 8192;

export const edgeSchema = z.number().int().min(1).max(MAX_EDGE);

const COLOR_MESSAGE = 'expected a CSS colour: a name, #rrggbb, #rrggbbaa or rgba(r, g, b, a)';

/**
 * CSS colours: names, `#rgb[a]`/`#rrggbb[aa]`, `rgb()`/`rgba()`. The pattern keeps a colour safe
 * to put into SVG markup as is; sharp's own parser then decides validity, so lint and run agree.
 */
export const colorSchema = z
  .string()
  .regex(/^(?:[a-z]{3,30}|#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|rgba?\(\s*[0-9.%]+(?:\s*[,/ ]\s*[0-9.%]+){2,3}\s*\))$/i, {
    message: COLOR_MESSAGE,
    abort: true,
  })
  .refine(isColor, { message: COLOR_MESSAGE });

function isColor(value: string): boolean {
  try {
    loadSharp()({ create: { width: 1, height: 1, channels: 4, background: value } });
    return true;
  } catch {
    return false;
  }
}

export interface LoadedImage {
  image: Sharp;
  /** Dimensions after EXIF orientation is applied. */
  width: number;
  height: number;
  /** The input's format when it is one we write, so an edited JPEG stays a JPEG; else PNG. */
  format: OutputFormat;
}

/** Reads the image on an input port (artifact, data URI, URL or path under the policy) and decodes it. */
export async function loadImage(ctx: ImageContext, port = 'image'): Promise<LoadedImage> {
  return decodeImage(ctx, requireMediaRef(ctx.inputs[port], port), port);
}

export async function decodeImage(ctx: ImageContext, ref: string, port: string): Promise<LoadedImage> {
  const { bytes } = await readMedia(ref, { artifacts: ctx.artifacts, policy: ctx.policy, signal: ctx.signal });
  ctx.signal.throwIfAborted();
  const image = loadSharp()(bytes, { autoOrient: true });
  const metadata = await image.metadata().catch((error: unknown) => {
    throw new PipewrightError('invalid_image', `The ${port} input is not an image this node can read`, {
      cause: error,
      details: { port },
    });
  });
  const format = (OUTPUT_FORMATS as readonly string[]).includes(metadata.format) ? (metadata.format as OutputFormat) : 'png';
  return { image, width: metadata.autoOrient.width, height: metadata.autoOrient.height, format };
}

/** Encodes an image, stores it as an artifact and returns its URL (docs/api.md: file outputs are URLs). */
export async function storeImage(ctx: ImageContext, image: Sharp, format: OutputFormat, quality?: number): Promise<string> {
  ctx.signal.throwIfAborted();
  // JPEG has no alpha: transparent areas (letterboxing, PNG cut-outs) become white, not black.
  const opaque = format === 'jpeg' ? image.flatten({ background: '#ffffff' }) : image;
  const bytes = await render(opaque.toFormat(format, quality === undefined ? {} : { quality }));
  ctx.signal.throwIfAborted();
  const artifact = await ctx.artifacts.put({ bytes, contentType: `image/${format}` });
  return artifact.url;
}

/** Runs a pipeline to bytes. Settings are checked by then, so a failure is the input's pixel data (a truncated file). */
export async function render(image: Sharp): Promise<Buffer> {
  try {
    return await image.toBuffer();
  } catch (error) {
    throw new PipewrightError('image_processing_failed', `Could not process the image: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
