import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { choice, credits, numImages, outputFormat, PRICES_CHECKED } from '../fields.js';
import { openaiImages } from '../outputs.js';
import { promptBody, textToImage } from './shape.js';

/**
 * OpenAI's GPT Image models through the Images API (`images:<model>` → POST /images/generations).
 * Parameters as openai-node's `ImageGenerateParamsBase` (src/resources/images.ts) allows them for
 * GPT image models; they take `n`, not `num_images`, and always answer base64 images. OpenAI bills
 * tokens; its per-image figures by quality and size are what cost uses. `auto` quality is priced
 * as high and `auto` size as the larger, non-square sizes, the most either can cost.
 */

const params = z.strictObject({
  n: numImages(10),
  size: choice(['auto', '1024x1024', '1536x1024', '1024x1536'], 'auto', 'Output size in pixels, or auto'),
  quality: choice(['auto', 'low', 'medium', 'high'], 'auto', 'Rendering quality (low is fastest and cheapest)'),
  background: choice(['auto', 'transparent', 'opaque'], 'auto', 'Background (transparent needs png or webp output)'),
  moderation: choice(['auto', 'low'], 'auto', 'Content moderation (low is less restrictive)'),
  output_format: outputFormat(['png', 'jpeg', 'webp'], 'png'),
  output_compression: z.number().int().min(0).max(100).optional().describe('Compression 0–100 for jpeg and webp output; unset means 100.'),
});
type GptImage = z.infer<typeof params>;

type Tiers = Readonly<Record<'low' | 'medium' | 'high', number>>;
/** US dollars per image: 1024×1024, and 1536×1024 or 1024×1536. */
const gptImageCost =
  (square: Tiers, other: Tiers) =>
  ({ n, size, quality }: GptImage) =>
    credits((size === '1024x1024' ? square : other)[quality === 'auto' ? 'high' : quality] * n);

const gptImage = (entry: { model: string; label: string; description: string; aliases?: readonly string[]; cost(p: GptImage): number; pricePage: string }) =>
  defineModel({
    ...textToImage,
    nodeType: `generate:${entry.model.replaceAll(/[-.]/g, '_')}`,
    ...(entry.aliases === undefined ? {} : { aliases: entry.aliases }),
    label: entry.label,
    description: entry.description,
    provider: 'openai',
    endpoint: `images:${entry.model}`,
    params,
    cost: entry.cost,
    price: { source: entry.pricePage, checked: PRICES_CHECKED },
    toInput: promptBody,
    fromOutput: openaiImages,
    source: 'https://platform.openai.com/docs/api-reference/images/create',
    // The parameters are openai-node's; the prices could not be read on OpenAI's own pricing page.
    documented: false,
  });

export const gptImageModels: readonly ModelEntry[] = [
  gptImage({
    model: 'gpt-image-1',
    aliases: ['generate:gpt-image-1'],
    label: 'GPT Image 1',
    description: 'OpenAI GPT Image 1: follows long, detailed instructions and renders text well; can make transparent backgrounds.',
    // $0.011 / $0.042 / $0.167 square, $0.016 / $0.063 / $0.25 otherwise, OpenAI's list prices as this catalog last had them.
    cost: gptImageCost({ low: 0.011, medium: 0.042, high: 0.167 }, { low: 0.016, medium: 0.063, high: 0.25 }),
    pricePage: 'https://platform.openai.com/docs/pricing',
  }),
  gptImage({
    model: 'gpt-image-1.5',
    label: 'GPT Image 1.5',
    description: 'OpenAI GPT Image 1.5: faster and cheaper than GPT Image 1, with better text, logo and face preservation.',
    // $0.009 / $0.034 / $0.133 square, $0.013 / $0.05 / $0.20 otherwise, from a listing of OpenAI's per-image prices.
    cost: gptImageCost({ low: 0.009, medium: 0.034, high: 0.133 }, { low: 0.013, medium: 0.05, high: 0.2 }),
    pricePage: 'https://www.llmreference.com/model/gpt-image-1.5/openai-api',
  }),
  gptImage({
    model: 'gpt-image-2',
    label: 'GPT Image 2',
    description: 'OpenAI GPT Image 2: the strongest instruction following and text rendering of the GPT image models; diagrams, comics, infographics.',
    // $0.006 / $0.053 / $0.211 square, from a report of OpenAI's launch prices; the other sizes have 1.5× the pixels and are
    // priced at 1.5× that, an estimate until OpenAI's own figures can be read.
    cost: gptImageCost({ low: 0.006, medium: 0.053, high: 0.211 }, { low: 0.009, medium: 0.08, high: 0.317 }),
    pricePage: 'https://www.ai-primer.com/engineer/stories/openai-gpt-image-2-api-pricing',
  }),
];
