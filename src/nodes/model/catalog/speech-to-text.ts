import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { falTranscript } from './outputs.js';
import { audioIn, textOut } from './ports.js';
import { replicateWhisperTranscript, scribeTranscript } from './transcripts.js';
import { WHISPER_LANGUAGES } from './whisper-languages.js';
import { PRICES_CHECKED } from './fields.js';

const chunksOut = { name: 'chunks', type: 'json', description: 'Timestamped segments: [{ timestamp: [start, end], text }].' } as const;
const wordsOut = { name: 'words', type: 'json', description: 'Every word and sound event: [{ text, start, end, type, speaker_id }].' } as const;
const common = { kind: 'speech-to-text', inputs: [audioIn], timeoutMs: 600_000 } as const;

const task = z.enum(['transcribe', 'translate']).default('transcribe').describe('Transcribe as spoken, or translate to English.');
const scribeParams = {
  language_code: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .describe('ISO 639 code of the spoken language (en or eng, de or deu…); unset detects it.'),
  tag_audio_events: z.boolean().default(true).describe('Mark laughter, applause and other sounds in the transcript.'),
  diarize: z.boolean().default(true).describe('Label who speaks each word (speaker_id).'),
};

/** Scribe is billed per minute of audio, which the cost cannot see: one run is priced as a recording of up to 10 minutes. */
const SCRIBE_MINUTES = 10;

export const speechToTextModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    outputs: [textOut, chunksOut],
    nodeType: 'generate:wizper',
    aliases: ['generate:whisper-v3-fast', 'generate:whisper', 'generate:speech-to-text', 'generate:stt', 'generate:transcribe'],
    aliasNotes: {
      'generate:whisper':
        "fal-ai/whisper is no longer in fal's client; Wizper runs the same Whisper large-v3 with the same task and language settings. " +
        'It has no diarize (use generate:elevenlabs_scribe for speakers) and returns segment chunks only (chunk_level "segment").',
    },
    label: 'Wizper (fast Whisper v3)',
    description: "fal's accelerated Whisper large-v3: transcribes or translates to English speech in 99 languages, with timestamped segments.",
    provider: 'fal',
    endpoint: 'fal-ai/wizper',
    params: z.strictObject({
      task,
      // fal assumes English when `language` is left out; null asks it to detect the language, so it is always sent.
      language: z.enum(WHISPER_LANGUAGES).nullable().default(null).describe('ISO code of the spoken language (en, de, ja…); null (the default) detects it.'),
      chunk_level: z.literal('segment').default('segment').describe('Timestamp granularity of the chunks; Wizper returns segments only.'),
      max_segment_len: z.number().int().min(10).max(29).default(29).describe('Longest segment, in seconds, before it is split; 10–29.'),
      merge_chunks: z.boolean().default(true).describe('Merge consecutive chunks while they stay under max_segment_len.'),
    }),
    // fal's page lists "$0 per compute seconds"; a run is charged the 1-credit floor.
    cost: () => 1,
    price: { source: 'https://fal.ai/models/fal-ai/wizper/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ audio_url: inputs.audio, ...p }),
    fromOutput: falTranscript,
    source: 'https://fal.ai/models/fal-ai/wizper/api',
    documented: true,
  }),
  defineModel({
    ...common,
    outputs: [textOut, wordsOut],
    nodeType: 'generate:elevenlabs_scribe',
    aliases: ['generate:elevenlabs-scribe', 'generate:elevenlabs-speech-to-text'],
    label: 'ElevenLabs Scribe (speech to text)',
    description: 'ElevenLabs Scribe v1: accurate transcripts in 99 languages with word timings, speaker labels and sound events such as laughter.',
    provider: 'fal',
    endpoint: 'fal-ai/elevenlabs/speech-to-text',
    params: z.strictObject(scribeParams),
    // $0.03 per minute of audio, priced as SCRIBE_MINUTES.
    cost: () => 3 * SCRIBE_MINUTES,
    price: { source: 'https://fal.ai/models/fal-ai/elevenlabs/speech-to-text/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ audio_url: inputs.audio, ...p }),
    fromOutput: scribeTranscript,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/speech-to-text/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    outputs: [textOut, wordsOut],
    nodeType: 'generate:elevenlabs_scribe_v2',
    aliases: ['generate:elevenlabs-scribe-v2'],
    label: 'ElevenLabs Scribe v2 (speech to text)',
    description: 'ElevenLabs Scribe v2: the newer Scribe, and it can be biased towards names and jargon you list as key terms.',
    provider: 'fal',
    endpoint: 'fal-ai/elevenlabs/speech-to-text/scribe-v2',
    params: z.strictObject({
      ...scribeParams,
      keyterms: z
        .array(z.string().min(1).max(50))
        .max(100)
        .default([])
        .describe('Up to 100 words or phrases (50 characters each) to favour; they add 30% to the price.'),
    }),
    // fal's price for this endpoint was not found: assumed Scribe v1's $0.03 per minute on fal (that
    // page) for SCRIBE_MINUTES, plus the 30% key terms add (this endpoint's schema description).
    cost: (p) => Math.ceil(3 * SCRIBE_MINUTES * (p.keyterms.length > 0 ? 1.3 : 1)),
    price: { source: 'https://fal.ai/models/fal-ai/elevenlabs/speech-to-text/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ audio_url: inputs.audio, ...p }),
    fromOutput: scribeTranscript,
    source: 'https://fal.ai/models/fal-ai/elevenlabs/speech-to-text/scribe-v2/api',
    documented: false,
  }),
  defineModel({
    ...common,
    outputs: [textOut, chunksOut],
    nodeType: 'generate:whisper_large_v3',
    aliases: ['generate:openai-whisper', 'generate:replicate-whisper'],
    label: 'OpenAI Whisper large-v3 (Replicate)',
    description: "OpenAI's Whisper large-v3 on Replicate: transcripts or English translations with timed segments, or SRT/VTT subtitles.",
    provider: 'replicate',
    endpoint: 'openai/whisper:8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e',
    params: z.strictObject({
      language: z
        .enum(['auto', ...WHISPER_LANGUAGES])
        .default('auto')
        .describe('ISO code of the spoken language (en, de, ja…), or auto to detect it.'),
      translate: z.boolean().default(false).describe('Translate the speech to English.'),
      transcription: z.enum(['plain text', 'srt', 'vtt']).default('plain text').describe('Text format of the transcript: plain text, srt or vtt subtitles.'),
      temperature: z.number().min(0).max(1).default(0).describe('Sampling temperature; 0 is the most literal.'),
      initial_prompt: z.string().max(1000).optional().describe('Words to prime the first window with (names, spelling, style).'),
      condition_on_previous_text: z.boolean().default(true).describe('Feed each window the text before it; off avoids repetition loops.'),
    }),
    // Billed by run time on an Nvidia T4 at $0.000225/s, which the cost cannot see: priced as 5 minutes of T4 time ($0.0675).
    cost: () => 7,
    price: { source: 'https://replicate.com/pricing', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ audio: inputs.audio, ...p }),
    fromOutput: replicateWhisperTranscript,
    source: 'https://replicate.com/openai/whisper/api/schema',
    documented: true,
  }),
];
