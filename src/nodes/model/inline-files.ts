import { PipewrightError } from '../../errors/index.js';
import type { ProviderId } from '../../providers/index.js';
import type { Media } from '../io/media.js';

const MB = 1024 * 1024;

/**
 * The longest data URI an API that takes images inline accepts for one image. OpenAI: 20 MB per
 * image (https://platform.openai.com/docs/guides/images-vision, "Image input requirements"; an
 * image edit's `image_url` is at most 20971520 characters,
 * https://platform.openai.com/docs/api-reference/images/createEdit). Anthropic: 5 MB per image
 * through the API, counted on the base64 text (https://platform.claude.com/docs/en/build-with-claude/vision).
 */
const INLINE_LIMITS: Partial<Record<ProviderId, { label: string; maxLength: number }>> = {
  openai: { label: 'OpenAI', maxLength: 20 * MB },
  anthropic: { label: 'Anthropic', maxLength: 5 * MB },
};

/** A file as a base64 data URI, refused before any provider call when it is longer than the provider takes. */
export function inlineDataUri(provider: ProviderId, { bytes, contentType }: Media): string {
  const prefix = `data:${contentType};base64,`;
  const length = prefix.length + 4 * Math.ceil(bytes.byteLength / 3);
  const limit = INLINE_LIMITS[provider];
  if (limit !== undefined && length > limit.maxLength) {
    throw new PipewrightError(
      'media_too_large',
      `A ${contentType} input is ${megabytes(length)} MB as a data URI; ${limit.label} takes at most ${megabytes(limit.maxLength)} MB per file inline. ` +
        'Pass a public http(s) URL instead, or make the file smaller first (utility:image_resize).',
      { details: { provider, bytes: length, maxBytes: limit.maxLength } },
    );
  }
  return `${prefix}${Buffer.from(bytes).toString('base64')}`;
}

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(1).replace(/\.0$/, '');
}
