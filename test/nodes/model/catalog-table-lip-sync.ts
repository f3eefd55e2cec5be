/** Test rows (see catalog-table.ts) for the lip-sync entries. */
export const LIP_SYNC_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown>; less?: Record<string, unknown> }> = {
  'generate:sync_lipsync_v2': { outOfRange: [{ model: 'lipsync-3' }, { sync_mode: 'stretch' }], more: { model: 'lipsync-2-pro' } },
  'generate:sync_lipsync_v2_pro': { outOfRange: [{ model: 'lipsync-2' }, { sync_mode: 'pad' }] },
  'generate:latentsync': { outOfRange: [{ guidance_scale: 2.5 }, { guidance_scale: 0.5 }, { loop_mode: 'bounce' }] },
  'generate:kling_lipsync': { outOfRange: [{ sync_mode: 'loop' }] },
  'generate:pixverse_lipsync': { outOfRange: [{ voice_id: 'Emily' }] },
};
