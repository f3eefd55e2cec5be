import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { falAudio } from './outputs.js';
import { audioOut, textIn } from './ports.js';
import { PRICES_CHECKED } from './fields.js';

/**
 * ElevenLabs text to speech on fal. The price is per 1,000 characters of text, and the text is a
 * port value the cost cannot see: a run is priced as 5,000 characters, the most Eleven v3 takes in
 * one request (its schema's `maxLength`). Multilingual v2 and Turbo v2.5 accept longer texts, which
 * cost more at fal than this estimate. fal's own pages for these endpoints were not found, so each
 * price is assumed from the page named in its entry.
 */
const CHARACTERS = 5000;
/** ElevenLabs' own API rates (per 1,000 characters, per minute of audio), as a third-party guide lists them. */
export const ELEVENLABS_RATES = { source: 'https://developer.puter.com/tutorials/elevenlabs-api-pricing/', checked: PRICES_CHECKED };
const perThousand = (dollars: number) => Math.ceil(dollars * 100 * (CHARACTERS / 1000));

const speech = { kind: 'audio', provider: 'fal', inputs: [textIn], outputs: [audioOut], timeoutMs: 180_000, fromOutput: falAudio, documented: false } as const;
const unit = z.number().min(0).max(1);

const voiceSettings = {
  voice: z.string().min(1).max(100).default('Rachel').describe('An ElevenLabs voice name (Rachel, Aria, Roger…) or voice id.'),
  stability: unit.default(0.5).describe('Higher is steadier, lower more expressive; 0–1.'),
  language_code: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .describe('ISO 639-1 code to force a language (en, de, ja…); unset infers it from the text.'),
  apply_text_normalization: z.enum(['auto', 'on', 'off']).default('auto').describe('Spell out numbers and abbreviations: auto decides, on always, off never.'),
};

/** Multilingual v2 and Turbo v2.5 take the same settings (https://fal.ai/models/fal-ai/elevenlabs/tts/turbo-v2.5/api). */
const v2Settings = z.strictObject({
  ...voiceSettings,
  similarity_boost: unit.default(0.75).describe('How closely to match the original voice; 0–1.'),
  style: unit.default(0).describe('Style exaggeration; 0–1, 0 is neutral.'),
  speed: z.number().min(0.7).max(1.2).default(1).describe('Speaking rate, 0.7–1.2.'),
  previous_text: z.string().max(5000).optional().describe('The text spoken just before this one, for a continuous delivery across clips.'),
  next_text: z.string().max(5000).optional().describe('The text spoken just after this one, for a continuous delivery across clips.'),
});

const toInput = (inputs: Readonly<Record<string, unknown>>, p: Record<string, unknown>) => ({ text: inputs.text, ...p });

export const elevenLabsSpeechModels: readonly ModelEntry[] = [
  defineModel({
    ...speech,
    nodeType: 'generate:elevenlabs_tts',
    aliases: ['generate:elevenlabs-tts', 'generate:text-to-speech', 'generate:tts'],
    label: 'ElevenLabs TTS (Multilingual v2)',
    description: 'ElevenLabs Multilingual v2: lifelike, emotionally rich narration in 29 languages; the default for voice-overs.',
    endpoint: 'fal-ai/elevenlabs/tts/multilingual-v2',
    params: v2Settings,
    // Assumed $0.10 per 1,000 characters, ElevenLabs' own rate for Multilingual v2.
    cost: () => perThousand(0.1),
    price: ELEVENLABS_RATES,
    toInput,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/multilingual-v2/api',
  }),
  defineModel({
    ...speech,
    nodeType: 'generate:elevenlabs_turbo_v2_5',
    aliases: ['generate:elevenlabs-turbo-v2.5', 'generate:elevenlabs-turbo'],
    label: 'ElevenLabs TTS (Turbo v2.5)',
    description: 'ElevenLabs Turbo v2.5: fast, low-latency speech in 32 languages at half the price of Multilingual v2; for agents and drafts.',
    endpoint: 'fal-ai/elevenlabs/tts/turbo-v2.5',
    params: v2Settings,
    // Assumed $0.05 per 1,000 characters, ElevenLabs' own rate for Flash and Turbo.
    cost: () => perThousand(0.05),
    price: ELEVENLABS_RATES,
    toInput,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/turbo-v2.5/api',
  }),
  defineModel({
    ...speech,
    nodeType: 'generate:elevenlabs_v3',
    aliases: ['generate:elevenlabs-v3', 'generate:eleven-v3'],
    label: 'ElevenLabs Eleven v3',
    description: 'ElevenLabs Eleven v3: the most expressive voices, steered with inline audio tags such as [whispers] or [laughs]; up to 5,000 characters.',
    endpoint: 'fal-ai/elevenlabs/tts/eleven-v3',
    params: z.strictObject(voiceSettings),
    // Assumed $0.10 per 1,000 characters, the price fal lists for Eleven v3 on its dialogue endpoint.
    cost: () => perThousand(0.1),
    price: { source: 'https://fal.ai/models/fal-ai/elevenlabs/text-to-dialogue/eleven-v3/llms.txt', checked: PRICES_CHECKED },
    toInput,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/eleven-v3/api',
  }),
];
