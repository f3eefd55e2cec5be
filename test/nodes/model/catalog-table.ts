import { AUDIO_CASES } from './catalog-table-audio.js';
import { VIDEO_CASES } from './catalog-table-video.js';
import { LLM_CASES } from './catalog-table-llm.js';

/**
 * Per entry, what the catalog tests need beyond the entry itself: settings outside the documented
 * ranges (each must be rejected) and, where cost depends on a quantity, a setting with more of it (than `less`, default the defaults).
 * Every catalog entry must have a row, so a new model cannot skip these checks.
 */
export const CATALOG_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown>; less?: Record<string, unknown> }> = {
  ...LLM_CASES,
  ...AUDIO_CASES,
  ...VIDEO_CASES,
  'generate:flux_2': {
    outOfRange: [{ num_images: 5 }, { num_inference_steps: 3 }, { guidance_scale: 21 }, { image_size: 'huge' }, { image_size: { width: 256, height: 512 } }],
    more: { num_images: 4 },
  },
  'generate:flux_2_pro': {
    outOfRange: [{ safety_tolerance: '6' }, { output_format: 'gif' }, { num_images: 2 }],
    more: { image_size: { width: 2048, height: 2048 } },
  },
  'generate:flux_schnell': { outOfRange: [{ num_images: 0 }, { num_inference_steps: 13 }], more: { num_images: 3 } },
  'generate:recraft_v4': { outOfRange: [{ colors: [{ r: 256, g: 0, b: 0 }] }, { style: 'vector' }] },
  'generate:recraft_v4_1': { outOfRange: [{ background_color: { r: -1, g: 0, b: 0 } }] },
  'generate:imagen_4': { outOfRange: [{ aspect_ratio: '2:1' }, { num_images: 5 }, { resolution: '4K' }], more: { num_images: 4 } },
  'generate:nano_banana': { outOfRange: [{ aspect_ratio: '7:3' }, { num_images: 5 }, { safety_tolerance: '7' }], more: { num_images: 2 } },
  'generate:gpt_image_1': { outOfRange: [{ n: 11 }, { size: '512x512' }, { quality: 'ultra' }], more: { n: 4 } },
  'generate:flux_1_1_pro': { outOfRange: [{ output_quality: 101 }, { safety_tolerance: 7 }, { aspect_ratio: '5:2' }] },
  'generate:nano_banana_edit': { outOfRange: [{ num_images: 5 }, { aspect_ratio: '2:1' }], more: { num_images: 3 } },
  'generate:flux_2_edit': { outOfRange: [{ num_images: 5 }, { guidance_scale: -1 }], more: { num_images: 2 } },
  'generate:flux_kontext': { outOfRange: [{ guidance_scale: 0.5 }, { num_images: 5 }], more: { num_images: 2 } },
  'generate:clarity_upscaler': { outOfRange: [{ upscale_factor: 5 }, { creativity: 1.5 }], more: { upscale_factor: 4 } },
  'generate:esrgan': { outOfRange: [{ scale: 9 }, { output_format: 'gif' }], more: { scale: 8 } },
  'generate:recraft_crisp_upscale': { outOfRange: [{ scale: 2 }] },
  'generate:birefnet': { outOfRange: [{ model: 'Huge' }, { operating_resolution: '4096x4096' }], more: { operating_resolution: '2048x2048' } },
  'generate:bria_background_remove': { outOfRange: [{ model: 'x' }] },
};
