import { LIP_SYNC_CASES } from './catalog-table-lip-sync.js';
import { AUDIO_CASES } from './catalog-table-audio.js';
import { IMAGE_CASES } from './catalog-table-image.js';
import { VIDEO_CASES } from './catalog-table-video.js';
import { LLM_CASES } from './catalog-table-llm.js';

/**
 * Per entry, what the catalog tests need beyond the entry itself: settings outside the documented
 * ranges (each must be rejected) and, where cost depends on a quantity, a setting with more of it (than `less`, default the defaults).
 * Every catalog entry must have a row, so a new model cannot skip these checks.
 */
export const CATALOG_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown>; less?: Record<string, unknown> }> = {
  ...LIP_SYNC_CASES,
  ...LLM_CASES,
  ...AUDIO_CASES,
  ...VIDEO_CASES,
  ...IMAGE_CASES,
  'generate:clarity_upscaler': { outOfRange: [{ upscale_factor: 5 }, { creativity: 1.5 }], more: { upscale_factor: 4 } },
  'generate:esrgan': { outOfRange: [{ scale: 9 }, { output_format: 'gif' }], more: { scale: 8 } },
  'generate:recraft_crisp_upscale': { outOfRange: [{ scale: 2 }] },
  'generate:birefnet': { outOfRange: [{ model: 'Huge' }, { operating_resolution: '4096x4096' }], more: { operating_resolution: '2048x2048' } },
  'generate:bria_background_remove': { outOfRange: [{ model: 'x' }] },
};
