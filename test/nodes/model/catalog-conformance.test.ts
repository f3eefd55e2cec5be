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

  it.each(named(entries))('%s: each documented extreme is one the provider accepts', (_name, entry) => {
    const refused = extremeCases(entry.params).flatMap(({ label, params }) => {
      const parsed = entry.params.safeParse(params);
      // A combination our own schema refuses (a cross-field rule) is never sent.
      if (!parsed.success) return [];
      return providerRefusals(entry, parsed.data as Record<string, unknown>).map((problem) => `${label} → ${problem}`);
    });
    expect(refused).toEqual([]);
  });

  it.each(named(entries))('%s: a value just outside a documented range is refused by our params', (_name, entry) => {
    const accepted = outsideCases(entry.params)
      .filter(({ params }) => entry.params.safeParse(params).success)
      .map(({ label }) => label);
    expect(accepted).toEqual([]);
  });
});
