import { z } from 'zod';
import type { PortSpec } from '../../../graph/index.js';
import { defineModel, type ModelEntry } from './entry.js';
import { outputFormat, PRICES_CHECKED } from './fields.js';
import { falAudio } from './outputs.js';
import { audioOut, promptIn } from './ports.js';
import { ELEVENLABS_RATES, elevenLabsSpeechModels } from './elevenlabs-speech.js';

const recordingIn: PortSpec = {
  name: 'audio',
  type: 'audio',
  required: true,
  description: 'The recording to clean up: speech over noise, music or room sound.',
};

/** ElevenLabs' output encodings, codec_samplerate_bitrate (https://fal.ai/models/fal-ai/elevenlabs/sound-effects/v2/api). */
const ELEVENLABS_FORMATS = [
  'mp3_22050_32',
  'mp3_44100_32',
  'mp3_44100_64',
  'mp3_44100_96',
  'mp3_44100_128',
  'mp3_44100_192',
  'pcm_8000',
  'pcm_16000',
  'pcm_22050',
  'pcm_24000',
  'pcm_44100',
  'pcm_48000',
  'ulaw_8000',
  'alaw_8000',
  'opus_48000_32',
  'opus_48000_64',
  'opus_48000_96',
  'opus_48000_128',
  'opus_48000_192',
] as const;

const sound = { kind: 'audio', provider: 'fal', outputs: [audioOut], fromOutput: falAudio, documented: false } as const;

/** Music is billed per minute; a length left to the model is priced as 5 minutes, the longest fal's guide says it picks. */
const MUSIC_DEFAULT_MINUTES = 5;

export const audioModels: readonly ModelEntry[] = [
  ...elevenLabsSpeechModels,
  defineModel({
    ...sound,
    nodeType: 'generate:elevenlabs_sound_effects',
    aliases: ['generate:elevenlabs-sound-effects', 'generate:sound-effects', 'generate:sfx'],
    label: 'ElevenLabs Sound Effects v2',
    description: 'Sound effects and ambiences from a description (a door creak, rain on a tent, a trailer braam), up to 22 seconds, optionally looping.',
    endpoint: 'fal-ai/elevenlabs/sound-effects/v2',
    inputs: [{ ...promptIn, description: 'The sound to make, in words.' }],
    params: z.strictObject({
      duration_seconds: z.number().min(0.5).max(22).optional().describe('Length in seconds, 0.5–22; unset lets the model choose.'),
      prompt_influence: z.number().min(0).max(1).default(0.3).describe('How literally to follow the prompt, 0–1; higher varies less.'),
      loop: z.boolean().default(false).describe('Make a sound that loops seamlessly.'),
      output_format: outputFormat(ELEVENLABS_FORMATS, 'mp3_44100_128'),
    }),
    // fal's own price was not found: assumed $0.138 per minute of sound (about $0.0023 a second), a
    // reseller's listing for this model; an unset length is priced as the 22-second maximum.
    cost: (p) => Math.ceil(0.23 * (p.duration_seconds ?? 22)),
    price: { source: 'https://docs.venice.ai/models/elevenlabs-sound-effects.md', checked: PRICES_CHECKED },
    timeoutMs: 180_000,
    toInput: (inputs, p) => ({ text: inputs.prompt, ...p }),
    source: 'https://fal.ai/models/fal-ai/elevenlabs/sound-effects/v2/api',
  }),
  defineModel({
    ...sound,
    nodeType: 'generate:elevenlabs_music',
    aliases: ['generate:elevenlabs-music', 'generate:music'],
    label: 'ElevenLabs Music',
    description: 'Songs and instrumentals from a description of genre, mood and instruments, 3 seconds to 10 minutes, cleared for commercial use.',
    endpoint: 'fal-ai/elevenlabs/music',
    inputs: [{ ...promptIn, description: 'The music to make: genre, mood, tempo, instruments, lyrics.' }],
    params: z.strictObject({
      music_length_ms: z.number().int().min(3000).max(600_000).optional().describe('Length in milliseconds, 3,000–600,000; unset lets the model choose.'),
      force_instrumental: z.boolean().default(false).describe('Guarantee a song without vocals.'),
      output_format: outputFormat(ELEVENLABS_FORMATS, 'mp3_44100_128'),
    }),
    // fal's own price for this endpoint was not found: assumed $0.80 per started minute, a pass-through
    // reseller's figure for it (that page labels it per second; music is billed per minute). fal lists
    // $0.60 a minute for its newer elevenlabs/music/v2.
    cost: (p) => 80 * (p.music_length_ms === undefined ? MUSIC_DEFAULT_MINUTES : Math.ceil(p.music_length_ms / 60_000)),
    price: { source: 'https://aigateway.sh/models/elevenlabs/elevenlabs-music', checked: PRICES_CHECKED },
    timeoutMs: 900_000,
    toInput: (inputs, p) => ({ prompt: inputs.prompt, ...p }),
    source: 'https://fal.ai/models/fal-ai/elevenlabs/music/api',
  }),
  defineModel({
    ...sound,
    nodeType: 'generate:elevenlabs_voice_isolation',
    aliases: ['generate:elevenlabs-audio-isolation', 'generate:voice-isolation'],
    label: 'ElevenLabs Voice Isolator',
    description: 'Removes background noise, music and room sound from a recording and keeps the voice: for interviews, field audio and podcasts.',
    endpoint: 'fal-ai/elevenlabs/audio-isolation',
    inputs: [recordingIn],
    params: z.strictObject({}),
    // fal's own price was not found: assumed ElevenLabs' own $0.12 per minute of audio, which the cost
    // cannot see; priced as a 5-minute recording.
    cost: () => 60,
    price: ELEVENLABS_RATES,
    timeoutMs: 600_000,
    toInput: (inputs) => ({ audio_url: inputs.audio }),
    source: 'https://fal.ai/models/fal-ai/elevenlabs/audio-isolation/api',
  }),
];
