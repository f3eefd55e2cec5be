/** The video rows of CATALOG_CASES (catalog-table.ts): settings each entry must refuse, and ones that cost more. */
export const VIDEO_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown>; less?: Record<string, unknown> }> = {
  'generate:veo_3_1': {
    outOfRange: [{ duration: '10s' }, { aspect_ratio: '1:1' }, { enhance_prompt: true }, { resolution: '8k' }, { safety_tolerance: '7' }],
    less: { duration: '4s', generate_audio: false },
    more: { duration: '8s', resolution: '4k' },
  },
  'generate:veo_3_1_fast': { outOfRange: [{ aspect_ratio: '4:3' }, { duration: 8 }], less: { duration: '4s' }, more: { resolution: '4k' } },
  'generate:veo_3_1_lite': { outOfRange: [{ resolution: '4k' }], less: { duration: '4s' }, more: { resolution: '1080p' } },
  'generate:veo_3_1_i2v': { outOfRange: [{ aspect_ratio: '1:1' }, { duration: '5s' }], less: { generate_audio: false }, more: { resolution: '4k' } },
  'generate:veo_3_1_fast_i2v': { outOfRange: [{ resolution: '480p' }], less: { duration: '6s' }, more: { duration: '8s' } },
};
