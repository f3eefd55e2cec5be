import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { aspectRatio, choice, credits, outputFormat, PRICES_CHECKED } from '../fields.js';
import { replicateImages } from '../outputs.js';
import { promptBody, textToImage } from './shape.js';

/**
 * Google Imagen 4 on Replicate: one image a run. fal no longer lists its `fal-ai/imagen4/*`
 * endpoints (fal-js main, libs/client/src/types/endpoints.ts), so the names graphs used for them
 * are aliases here, each with a note on what changed.
 */

const shared = {
  aspect_ratio: aspectRatio(['1:1', '9:16', '16:9', '3:4', '4:3'], '1:1'),
  safety_filter_level: choice(
    ['block_low_and_above', 'block_medium_and_above', 'block_only_high'],
    'block_only_high',
    'Safety filter (block_low_and_above is strictest)',
  ),
  output_format: outputFormat(['jpg', 'png'], 'jpg'),
};
const withSize = z.strictObject({ ...shared, image_size: choice(['1K', '2K'], '1K', 'Output resolution') });

const moved = (from: string, to: string) =>
  `ran fal's ${from}, which fal no longer offers; it now runs ${to} on Replicate (set REPLICATE_API_TOKEN). ` +
  'Settings changed: num_images and seed are gone (one image a run), resolution is now image_size (Fast has none), ' +
  'and safety_filter_level and output_format are new.';

interface Imagen {
  variant: '' | '_fast' | '_ultra';
  label: string;
  description: string;
  params: z.ZodType<Record<string, unknown>>;
  usd: number;
  pricePage: string;
}

const imagen = ({ variant, usd, pricePage, ...entry }: Imagen) => {
  const slug = `imagen-4${variant.replace('_', '-')}`;
  const aliases = [`generate:${slug}`, `generate:imagen4${variant.replace('_', '-')}`];
  const falId = `fal-ai/imagen4/preview${variant.replace('_', '/')}`;
  return defineModel({
    ...textToImage,
    ...entry,
    nodeType: `generate:imagen_4${variant}`,
    aliases,
    aliasNotes: Object.fromEntries(aliases.map((alias) => [alias, moved(falId, `google/${slug}`)])),
    provider: 'replicate',
    endpoint: `google/${slug}`,
    cost: () => credits(usd),
    price: { source: pricePage, checked: PRICES_CHECKED },
    toInput: promptBody,
    fromOutput: replicateImages,
    source: `https://replicate.com/google/${slug}/api`,
    // Field names and defaults are from Replicate's version pages (Ultra's read in full); the enum values
    // are Google's documented ones, and the prices come from listings, not Replicate's own pages.
    documented: false,
  });
};

export const imagenModels: readonly ModelEntry[] = [
  imagen({
    variant: '',
    label: 'Imagen 4',
    description: 'Google Imagen 4: fine detail and textures, rich lighting, styles from photoreal to animation; reliable text.',
    params: withSize,
    // $0.04 per image.
    usd: 0.04,
    pricePage: 'https://www.codegateway.dev/en/blog/imagen-4-api-quickstart',
  }),
  imagen({
    variant: '_fast',
    label: 'Imagen 4 Fast',
    description: 'Google Imagen 4 Fast: quick, inexpensive drafts with Imagen 4 quality for ideation and storyboards.',
    params: z.strictObject(shared),
    // $0.02 per image.
    usd: 0.02,
    pricePage: 'https://lumenfall.ai/models/google/imagen-4.0-fast-generate-001',
  }),
  imagen({
    variant: '_ultra',
    label: 'Imagen 4 Ultra',
    description: 'Google Imagen 4 Ultra: the most photoreal Imagen, with pore-level detail and precise lighting, up to 2K.',
    params: withSize,
    // $0.06 per image.
    usd: 0.06,
    pricePage: 'https://lumenfall.ai/models/google/imagen-4.0-ultra-generate-001',
  }),
];
