import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG, MODEL_KINDS, type ModelEntry } from '../../../src/nodes/model/catalog/index.js';
import { sampleOutput } from '../../providers/fakes/sample-output.js';
import { providerSchema } from '../../providers/schemas/index.js';
import { extremeCases, outsideCases } from './param-extremes.js';
import { providerRefusals, sampleInputs, schemaKey } from './provider-acceptance.js';

// Every catalog entry against its provider's schema (test/providers/schemas/): the body it sends with its
// defaults and at each documented extreme must be one the provider accepts, a value just outside a
// documented range must be refused by our own params before any call, and an answer shaped like
// the provider's output schema must give every output port. Grouped by kind, so `-t video` runs one kind.
const byKind = MODEL_KINDS.map((kind) => [kind, MODEL_CATALOG.filter((entry) => entry.kind === kind)] as const).filter(([, entries]) => entries.length > 0);
const named = (entries: readonly ModelEntry[]) => entries.map((entry) => [entry.nodeType, entry] as const);
const stored = (entry: ModelEntry) => entry.provider === 'fal' || entry.provider === 'replicate';

/** Entries whose settings have no range, length, pattern or list of values to step outside of, and why. */
const NOTHING_OUTSIDE: Readonly<Record<string, string>> = {
  'generate:bria_background_remove': "no settings: fal's only other field is sync_mode, which no entry offers (a data URI would skip the artifact copy)",
  'generate:kling_lipsync': 'no settings: fal takes only the video and the audio',
  'generate:pixverse_lipsync': "no settings: the audio port is required, so fal's text-to-speech fields (text, voice_id) are not offered",
  'generate:elevenlabs_voice_isolation': 'no settings: fal takes only the audio (or video) URL',
  'generate:recraft_crisp_upscale': 'one boolean (enable_safety_checker) besides the image',
  'generate:hailuo_2_3_pro': 'one boolean (prompt_optimizer); Pro has no duration or resolution choice',
  'generate:hailuo_2_3_pro_i2v': 'one boolean (prompt_optimizer); Pro has no duration or resolution choice',
};

describe.each(byKind)('%s models', (_kind, entries) => {
  const withSchema = entries.filter(stored);
  if (withSchema.length > 0) {
    it.each(named(withSchema))('%s: a schema of its endpoint is stored', (_name, entry) => {
      const provider = entry.provider as 'fal' | 'replicate';
      expect(providerSchema(provider, schemaKey(provider, entry.endpoint)), `see test/providers/schemas/README.md for ${entry.endpoint}`).toBeDefined();
    });

    it.each(named(withSchema))('%s: reads every output port from an answer shaped like its output schema', (_name, entry) => {
      const provider = entry.provider as 'fal' | 'replicate';
      const schema = providerSchema(provider, schemaKey(provider, entry.endpoint));
      const body = entry.toInput(sampleInputs(entry), entry.params.parse({}) as Record<string, unknown>);
      const answer = sampleOutput(schema?.json.output ?? {}, body, (index, kind) => `https://v3.fal.media/files/out-${index}.${kind}`);
      const ports = entry.fromOutput(answer);
      expect(entry.outputs.filter((port) => ports[port.name] === undefined).map((port) => port.name)).toEqual([]);
    });
  }

  it.each(named(entries))('%s: the default body is one the provider accepts', (_name, entry) => {
    expect(providerRefusals(entry, entry.params.parse({}) as Record<string, unknown>)).toEqual([]);
  });

  it.each(named(entries))('%s: each documented extreme is one our params accept and the provider accepts', (_name, entry) => {
    const cases = extremeCases(entry.params);
    // No entry has a cross-field rule that refuses one setting at its extreme with the rest at their
    // defaults; were one added, its refused cases would be listed here rather than skipped.
    expect(cases.filter(({ params }) => !entry.params.safeParse(params).success).map(({ label }) => label)).toEqual([]);
    const refused = cases.flatMap(({ label, params }) =>
      providerRefusals(entry, entry.params.parse(params) as Record<string, unknown>).map((problem) => `${label} → ${problem}`),
    );
    expect(refused).toEqual([]);
  });

  it.each(named(entries))('%s: a value just outside a documented range is refused by our params', (_name, entry) => {
    const cases = outsideCases(entry.params);
    if (NOTHING_OUTSIDE[entry.nodeType] === undefined) expect(cases.length, 'a bounded setting to try just outside its range').toBeGreaterThan(0);
    else expect(cases.map(({ label }) => label)).toEqual([]);
    const accepted = cases.filter(({ params }) => entry.params.safeParse(params).success).map(({ label }) => label);
    expect(accepted).toEqual([]);
  });
});
