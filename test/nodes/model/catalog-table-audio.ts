/** Test rows (see catalog-table.ts) for the audio and speech-to-text entries. */
export const AUDIO_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown>; less?: Record<string, unknown> }> = {
  'generate:elevenlabs_tts': {
    outOfRange: [{ speed: 2 }, { stability: 1.1 }, { voice: '' }, { apply_text_normalization: 'always' }, { language_code: 'eng' }],
  },
  'generate:elevenlabs_turbo_v2_5': { outOfRange: [{ speed: 0.5 }, { similarity_boost: 2 }, { style: -0.1 }] },
  'generate:elevenlabs_v3': { outOfRange: [{ stability: -1 }, { speed: 1 }, { similarity_boost: 0.5 }] },
  'generate:elevenlabs_sound_effects': {
    outOfRange: [{ duration_seconds: 0.4 }, { duration_seconds: 23 }, { prompt_influence: 1.5 }, { output_format: 'wav' }],
    less: { duration_seconds: 1 },
    more: { duration_seconds: 20 },
  },
  'generate:elevenlabs_music': {
    outOfRange: [{ music_length_ms: 2999 }, { music_length_ms: 600_001 }, { music_length_ms: 30_000.5 }],
    less: { music_length_ms: 30_000 },
    more: { music_length_ms: 240_000 },
  },
  'generate:elevenlabs_voice_isolation': { outOfRange: [{ audio_url: 'https://example.com/a.mp3' }] },
  'generate:wizper': { outOfRange: [{ task: 'summarise' }, { language: 'english' }, { chunk_level: 'word' }, { max_segment_len: 30 }, { diarize: true }] },
  'generate:elevenlabs_scribe': { outOfRange: [{ language_code: 'English' }, { diarize: 'yes' }, { keyterms: ['x'] }] },
  'generate:elevenlabs_scribe_v2': {
    outOfRange: [{ keyterms: Array.from({ length: 101 }, () => 'term') }, { keyterms: ['x'.repeat(51)] }],
    more: { keyterms: ['pipewright'] },
  },
  'generate:whisper_large_v3': { outOfRange: [{ language: 'english' }, { transcription: 'json' }, { temperature: 1.5 }, { model: 'large-v2' }] },
};
