import { UPSCALE_CASES } from './catalog-table-upscale.js';
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
  ...UPSCALE_CASES,
  ...LIP_SYNC_CASES,
  ...LLM_CASES,
  ...AUDIO_CASES,
  ...VIDEO_CASES,
  ...IMAGE_CASES,
};
