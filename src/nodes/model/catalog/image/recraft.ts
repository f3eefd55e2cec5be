import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { credits, enableSafetyChecker, falImageSize, rgbColor } from '../fields.js';
import { falEndpoint, falPrice, promptBody, textToImage } from './shape.js';

/**
 * Recraft V4 and V4.1 on fal: raster (`text-to-image`) and SVG (`text-to-vector`) at a standard
 * and a Pro tier, all with the same settings and a flat price per image. The vector models'
 * `image` output is an SVG file.
 */

const recraftParams = z.strictObject({
  image_size: falImageSize('square_hd'),
  colors: z.array(rgbColor).default([]).describe('Preferred colours, as {r, g, b}.'),
  background_color: rgbColor.optional().describe('Preferred background colour, as {r, g, b}.'),
  enable_safety_checker: enableSafetyChecker,
});

interface Recraft {
  nodeType: string;
  aliases?: readonly string[];
  label: string;
  description: string;
  endpoint: string;
  /** US dollars per image. */
  usd: number;
  /** The page the price was read from, when it is not the endpoint's own fal page. */
  pricePage?: string;
  documented: boolean;
}

const recraft = ({ usd, pricePage, ...entry }: Recraft) =>
  defineModel({
    ...textToImage,
    ...entry,
    ...falEndpoint(entry.endpoint),
    params: recraftParams,
    cost: () => credits(usd),
    price: falPrice(entry.endpoint, pricePage),
    toInput: promptBody,
  });

const LISTING = 'https://lumenfall.ai/models/recraft-ai';

export const recraftModels: readonly ModelEntry[] = [
  recraft({
    nodeType: 'generate:recraft_v4',
    aliases: ['generate:recraft-v4', 'generate:recraftv4'],
    label: 'Recraft V4',
    description: 'Recraft V4: design-first images (posters, brand visuals, typography) with an optional colour palette.',
    endpoint: 'fal-ai/recraft/v4/text-to-image',
    // $0.04 per image, as a listing of fal's prices shows; fal's own page was not in the searchable copy.
    usd: 0.04,
    pricePage: `${LISTING}/recraft-v4/llms.txt`,
    documented: false,
  }),
  recraft({
    nodeType: 'generate:recraft_v4_1',
    aliases: ['generate:recraft-v4.1', 'generate:recraft-v4-1'],
    label: 'Recraft V4.1',
    description: 'Recraft V4.1: V4 with sharper prompt control and cleaner composition for brand systems and editorial work.',
    endpoint: 'fal-ai/recraft/v4.1/text-to-image',
    usd: 0.04,
    documented: true,
  }),
  recraft({
    nodeType: 'generate:recraft_v4_pro',
    label: 'Recraft V4 Pro',
    description: 'Recraft V4 Pro: about 2048-pixel images with refined lighting and materials, for print and large-format work.',
    endpoint: 'fal-ai/recraft/v4/pro/text-to-image',
    // $0.25 per image, as a listing of fal's prices shows; fal's own page was not in the searchable copy.
    usd: 0.25,
    pricePage: `${LISTING}/recraft-v4-pro`,
    documented: false,
  }),
  recraft({
    nodeType: 'generate:recraft_v4_vector',
    label: 'Recraft V4 Vector (SVG)',
    description: 'Recraft V4 Vector: editable SVG logos, icons and illustrations; the image output is an SVG file.',
    endpoint: 'fal-ai/recraft/v4/text-to-vector',
    // $0.08 per image, the price fal lists for V4.1 Vector; V4 Vector's own page was not in the searchable copy.
    usd: 0.08,
    pricePage: 'https://fal.ai/models/fal-ai/recraft/v4.1/text-to-vector/llms.txt',
    documented: false,
  }),
  recraft({
    nodeType: 'generate:recraft_v4_pro_vector',
    label: 'Recraft V4 Pro Vector (SVG)',
    description: 'Recraft V4 Pro Vector: detailed, large-format SVG for posters and complex brand assets; the image output is an SVG file.',
    endpoint: 'fal-ai/recraft/v4/pro/text-to-vector',
    usd: 0.3,
    documented: true,
  }),
  recraft({
    nodeType: 'generate:recraft_v4_1_vector',
    label: 'Recraft V4.1 Vector (SVG)',
    description: 'Recraft V4.1 Vector: SVGs with structured layers and clean geometry that open straight in Figma or Illustrator.',
    endpoint: 'fal-ai/recraft/v4.1/text-to-vector',
    usd: 0.08,
    documented: true,
  }),
];
