import { unexpectedOutput } from './outputs.js';

type Json = Record<string, unknown>;

function transcriptRecord(raw: unknown): Json {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return raw as Json;
  throw unexpectedOutput('transcript');
}

function transcriptText(value: unknown): string {
  if (typeof value !== 'string') throw unexpectedOutput('text');
  return value;
}

/** ElevenLabs Scribe on fal: `{ text, language_code, words: [{ text, start, end, type, speaker_id }] }`. */
export function scribeTranscript(raw: unknown): Json {
  const { text, words } = transcriptRecord(raw);
  return { text: transcriptText(text), words: Array.isArray(words) ? words : [] };
}

/**
 * Replicate's openai/whisper: `{ transcription, translation, segments: [{ start, end, text }] }`
 * (https://replicate.com/openai/whisper/api/schema). The translation, when one was asked for, is
 * the text; segments become the `{ timestamp: [start, end], text }` chunks Wizper returns, so both
 * transcribers feed the same downstream nodes.
 */
export function replicateWhisperTranscript(raw: unknown): Json {
  const { transcription, translation, segments } = transcriptRecord(raw);
  const text = transcriptText(typeof translation === 'string' && translation !== '' ? translation : transcription);
  const chunks = (Array.isArray(segments) ? segments : []).map((segment) => {
    const { start, end, text: words } = transcriptRecord(segment);
    return { timestamp: [start ?? null, end ?? null], text: words };
  });
  return { text, chunks };
}
