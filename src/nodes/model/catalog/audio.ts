import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { falAudio, falTranscript } from './outputs.js';
import { audioIn, audioOut, textIn, textOut } from './ports.js';

const speech = { kind: 'audio', inputs: [textIn], outputs: [audioOut], timeoutMs: 180_000 } as const;
const transcription = {
  kind: 'audio',
  inputs: [audioIn],
  outputs: [textOut, { name: 'chunks', type: 'json', description: 'Timestamped segments: [{ timestamp: [start, end], text }].' }],
  timeoutMs: 600_000,
} as const;
const unit = z.number().min(0).max(1);

const elevenLabsVoice = {
  voice: z.string().min(1).max(100).default('Rachel').describe('An ElevenLabs voice name (Rachel, Aria, Roger…) or voice id.'),
  stability: unit.default(0.5).describe('Higher is steadier, lower more expressive; 0–1.'),
};

/** Whisper's transcribe/translate settings, shared by fal's two Whisper deployments. */
const whisperParams = {
  task: z.enum(['transcribe', 'translate']).default('transcribe').describe('Transcribe as spoken, or translate to English.'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .describe('ISO code of the spoken language (en, de, ja…); unset detects it.'),
  chunk_level: z.enum(['none', 'segment', 'word']).default('segment').describe('Timestamp granularity of the chunks.'),
};

export const audioModels: readonly ModelEntry[] = [
  defineModel({
    ...speech,
    nodeType: 'generate:elevenlabs_tts',
    aliases: ['generate:elevenlabs-tts', 'generate:text-to-speech', 'generate:tts'],
    label: 'ElevenLabs TTS (Multilingual v2)',
    description: 'ElevenLabs Multilingual v2: lifelike, emotionally rich narration in 29 languages; the default for voice-overs.',
    provider: 'fal',
    endpoint: 'fal-ai/elevenlabs/tts/multilingual-v2',
    params: z.strictObject({
      ...elevenLabsVoice,
      similarity_boost: unit.default(0.75).describe('How closely to match the original voice; 0–1.'),
      style: unit.default(0).describe('Style exaggeration; 0–1, 0 is neutral.'),
      speed: z.number().min(0.7).max(1.2).default(1).describe('Speaking rate, 0.7–1.2.'),
    }),
    // $0.10 per 1,000 characters; one call is priced as the 1,000 characters most narrations fit in.
    cost: () => 10,
    toInput: (inputs, p) => ({ text: inputs.text, ...p }),
    fromOutput: falAudio,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/multilingual-v2/api',
    documented: false,
  }),
  defineModel({
    ...speech,
    nodeType: 'generate:elevenlabs_v3',
    aliases: ['generate:elevenlabs-v3', 'generate:eleven-v3'],
    label: 'ElevenLabs Eleven v3',
    description: 'ElevenLabs Eleven v3: the most expressive voices, steered with inline audio tags such as [whispers] or [laughs].',
    provider: 'fal',
    endpoint: 'fal-ai/elevenlabs/tts/eleven-v3',
    params: z.strictObject(elevenLabsVoice),
    cost: () => 10,
    toInput: (inputs, p) => ({ text: inputs.text, ...p }),
    fromOutput: falAudio,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/eleven-v3/api',
    documented: false,
  }),
  defineModel({
    ...transcription,
    nodeType: 'generate:whisper',
    aliases: ['generate:speech-to-text', 'generate:stt', 'generate:transcribe'],
    label: 'Whisper speech to text',
    description: 'OpenAI Whisper on fal: transcribes (or translates to English) speech in about 100 languages, with timestamps.',
    provider: 'fal',
    endpoint: 'fal-ai/whisper',
    params: z.strictObject({
      ...whisperParams,
      diarize: z.boolean().default(false).describe('Label who speaks when; costs more.'),
    }),
    cost: (p) => (p.diarize ? 2 : 1),
    toInput: (inputs, p) => ({ audio_url: inputs.audio, ...p }),
    fromOutput: falTranscript,
    source: 'https://fal.ai/docs/model-api-reference/audio-api/whisper',
    documented: true,
  }),
  defineModel({
    ...transcription,
    nodeType: 'generate:wizper',
    aliases: ['generate:whisper-v3-fast'],
    label: 'Wizper (fast Whisper v3)',
    description: "fal's accelerated Whisper v3: the same transcripts several times faster, best for long recordings.",
    provider: 'fal',
    endpoint: 'fal-ai/wizper',
    params: z.strictObject(whisperParams),
    cost: () => 1,
    toInput: (inputs, p) => ({ audio_url: inputs.audio, ...p }),
    fromOutput: falTranscript,
    source: 'https://fal.ai/models/fal-ai/wizper/api',
    documented: false,
  }),
];
