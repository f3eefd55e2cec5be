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
  'generate:kling_video_2_5': { outOfRange: [{ duration: '7' }, { cfg_scale: 2 }, { aspect_ratio: '4:3' }], more: { duration: '10' } },
  'generate:kling_video_2_5_i2v': { outOfRange: [{ duration: 5 }, { cfg_scale: -0.1 }], more: { duration: '10' } },
  'generate:kling_video_2_5_standard_i2v': { outOfRange: [{ duration: '15' }], more: { duration: '10' } },
  'generate:kling_video_2_6_pro_i2v': { outOfRange: [{ duration: '8' }, { cfg_scale: 0.5 }], less: { generate_audio: false }, more: { duration: '10' } },
  'generate:kling_video_3_pro': {
    outOfRange: [{ duration: '2' }, { duration: '16' }, { aspect_ratio: '21:9' }],
    less: { generate_audio: false },
    more: { duration: '15' },
  },
  'generate:kling_video_3_pro_i2v': { outOfRange: [{ aspect_ratio: '16:9' }, { negative_prompt: 'x'.repeat(2501) }], more: { duration: '15' } },
  'generate:kling_video_3_standard': { outOfRange: [{ cfg_scale: 1.5 }], less: { generate_audio: false }, more: { generate_audio: true } },
  'generate:kling_video_3_standard_i2v': { outOfRange: [{ duration: '20' }], more: { duration: '10' } },
};
