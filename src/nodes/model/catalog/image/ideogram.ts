import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { choice, credits, expandPrompt, falImageSize, numImages, rgbColor, seed } from '../fields.js';
import { falEndpoint, falPrice, promptBody, textToImage } from './shape.js';

/**
 * Ideogram V3 on fal. Offered without `style_codes` and the style-reference `image_urls`: codes
 * cannot be combined with `style`, and reference images would need ports of their own.
 */

const STYLE_PRESETS = [
  '80S_ILLUSTRATION',
  '90S_NOSTALGIA',
  'ABSTRACT_ORGANIC',
  'ANALOG_NOSTALGIA',
  'ART_BRUT',
  'ART_DECO',
  'ART_POSTER',
  'AURA',
  'AVANT_GARDE',
  'BAUHAUS',
  'BLUEPRINT',
  'BLURRY_MOTION',
  'BRIGHT_ART',
  'C4D_CARTOON',
  'CHILDRENS_BOOK',
  'COLLAGE',
  'COLORING_BOOK_I',
  'COLORING_BOOK_II',
  'CUBISM',
  'DARK_AURA',
  'DOODLE',
  'DOUBLE_EXPOSURE',
  'DRAMATIC_CINEMA',
  'EDITORIAL',
  'EMOTIONAL_MINIMAL',
  'ETHEREAL_PARTY',
  'EXPIRED_FILM',
  'FLAT_ART',
  'FLAT_VECTOR',
  'FOREST_REVERIE',
  'GEO_MINIMALIST',
  'GLASS_PRISM',
  'GOLDEN_HOUR',
  'GRAFFITI_I',
  'GRAFFITI_II',
  'HALFTONE_PRINT',
  'HIGH_CONTRAST',
  'HIPPIE_ERA',
  'ICONIC',
  'JAPANDI_FUSION',
  'JAZZY',
  'LONG_EXPOSURE',
  'MAGAZINE_EDITORIAL',
  'MINIMAL_ILLUSTRATION',
  'MIXED_MEDIA',
  'MONOCHROME',
  'NIGHTLIFE',
  'OIL_PAINTING',
  'OLD_CARTOONS',
  'PAINT_GESTURE',
  'POP_ART',
  'RETRO_ETCHING',
  'RIVIERA_POP',
  'SPOTLIGHT_80S',
  'STYLIZED_RED',
  'SURREAL_COLLAGE',
  'TRAVEL_POSTER',
  'VINTAGE_GEO',
  'VINTAGE_POSTER',
  'WATERCOLOR',
  'WEIRD',
  'WOODBLOCK_PRINT',
] as const;

/** A preset palette by name, or explicit colours with optional weights; never both. */
const colorPalette = z
  .union([
    z.strictObject({ name: z.enum(['EMBER', 'FRESH', 'JUNGLE', 'MAGIC', 'MELON', 'MOSAIC', 'PASTEL', 'ULTRAMARINE']).describe('A preset palette.') }),
    z.strictObject({
      members: z
        .array(
          z.strictObject({
            rgb: rgbColor.describe('The colour, as {r, g, b}.'),
            color_weight: z.number().min(0.05).max(1).default(0.5).describe('How much of this colour, 0.05–1.'),
          }),
        )
        .min(1)
        .describe('The colours, each as {rgb, color_weight}.'),
    }),
  ])
  .optional()
  .describe('A colour palette: {name} of a preset (EMBER, FRESH, JUNGLE, MAGIC, MELON, MOSAIC, PASTEL, ULTRAMARINE) or {members: [{rgb, color_weight}]}.');

/** Price per image by rendering speed. */
const SPEED_USD = { TURBO: 0.03, BALANCED: 0.06, QUALITY: 0.09 } as const;

export const ideogramModels: readonly ModelEntry[] = [
  defineModel({
    ...textToImage,
    nodeType: 'generate:ideogram_v3',
    label: 'Ideogram V3',
    description: 'Ideogram V3: the most reliable text inside images (posters, logos, packaging), with style presets and colour palettes.',
    ...falEndpoint('fal-ai/ideogram/v3'),
    params: z.strictObject({
      image_size: falImageSize('square_hd'),
      rendering_speed: choice(['TURBO', 'BALANCED', 'QUALITY'], 'BALANCED', 'Rendering speed (TURBO $0.03, BALANCED $0.06, QUALITY $0.09 an image)'),
      num_images: numImages(8),
      style: z.enum(['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN']).optional().describe('Style type: AUTO, GENERAL, REALISTIC or DESIGN.'),
      style_preset: z.enum(STYLE_PRESETS).optional().describe('A named style preset (e.g. FLAT_VECTOR, WATERCOLOR, TRAVEL_POSTER).'),
      color_palette: colorPalette,
      expand_prompt: expandPrompt,
      negative_prompt: z.string().default('').describe('What to keep out of the image; the prompt wins where they disagree.'),
      seed,
    }),
    // $0.03 / $0.06 / $0.09 per image for TURBO / BALANCED / QUALITY, as fal prices its Ideogram V3 custom models;
    // the V3 endpoint's own page was not in the searchable copy on the day checked.
    cost: (p) => credits(SPEED_USD[p.rendering_speed as keyof typeof SPEED_USD] * p.num_images),
    price: falPrice('fal-ai/ideogram/v3', 'https://fal.ai/models/fal-ai/ideogram/custom-models/generate/llms.txt'),
    toInput: promptBody,
    documented: false,
  }),
];
