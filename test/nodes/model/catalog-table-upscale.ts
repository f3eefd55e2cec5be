/** Test rows (see catalog-table.ts) for the image upscaling and background-removal entries. */
export const UPSCALE_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown>; less?: Record<string, unknown> }> = {
  'generate:clarity_upscaler': {
    outOfRange: [{ upscale_factor: 5 }, { creativity: 1.5 }, { num_inference_steps: 3 }, { guidance_scale: 21 }],
    more: { upscale_factor: 4 },
  },
  'generate:topaz_upscale': { outOfRange: [{ upscale_factor: 5 }, { model: 'Gigapixel' }, { sharpen: 1.5 }, { subject_detection: 'Faces' }] },
  'generate:seedvr2_upscale': {
    outOfRange: [{ upscale_factor: 11 }, { noise_scale: 0.0005 }, { target_resolution: '4k' }, { output_format: 'gif' }],
    more: { upscale_factor: 4 },
  },
  'generate:esrgan': { outOfRange: [{ scale: 9 }, { output_format: 'gif' }, { model: 'RealESRGAN_x8' }, { tile: -1 }], more: { scale: 8 } },
  'generate:recraft_crisp_upscale': { outOfRange: [{ scale: 2 }] },
  'generate:birefnet': { outOfRange: [{ model: 'Huge' }, { operating_resolution: '4096x4096' }], more: { operating_resolution: '2048x2048' } },
  'generate:bria_background_remove': { outOfRange: [{ model: 'x' }] },
};
