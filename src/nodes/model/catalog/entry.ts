import type { z } from 'zod';
import type { PortSpec } from '../../../graph/index.js';
import type { ProviderId } from '../../../providers/index.js';

export const MODEL_KINDS = ['text-to-image', 'image-edit', 'upscale', 'background-removal', 'video', 'lip-sync', 'audio', 'speech-to-text', 'llm'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Where a price was read: the page (the provider's own where it could be found) and the day (YYYY-MM-DD). */
export interface PriceSource {
  source: string;
  checked: string;
}

/** A model named by its endpoint: one page prices it. */
interface FixedModel {
  endpointFor?: undefined;
  /** Where `cost` comes from. */
  price: PriceSource;
}

/**
 * A model that is a setting (any model on an OpenAI-compatible server): no page prices it, as the
 * model and the server are the operator's, so `cost` is pipewright's own flat rate.
 */
interface ModelAsSetting<Params> {
  endpointFor(params: Params): string;
  price: 'per-model';
}

/**
 * One model as plain data: adding a model is adding one of these to its kind's table
 * (docs/architecture.md, "Node types are data plus one function"). `model-node-type.ts` turns it into a node type.
 * Every entry says where its price comes from, so an entry without one does not type-check.
 */
export type ModelEntry<Params extends Record<string, unknown> = Record<string, unknown>> = EntryFields<Params> & (FixedModel | ModelAsSetting<Params>);

interface EntryFields<Params extends Record<string, unknown>> {
  /** `generate:<name>` for media, `llm:<name>` for text. */
  nodeType: string;
  label: string;
  /** Written for a user picking a model: what it is good at. */
  description: string;
  kind: ModelKind;
  provider: ProviderId;
  /** The provider's own id for what to call (see `ProviderCall.endpoint`). */
  endpoint: string;
  /** Other names graphs use for this model (hosted-shape spellings, retired models); they run the same type. */
  aliases?: readonly string[];
  /** For an alias that names a model the provider retired: what changes when moving to this one. */
  aliasNotes?: Readonly<Record<string, string>>;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  /** A `z.strictObject` of the provider's own parameter names, defaults and ranges, every field described. */
  params: z.ZodType<Params>;
  /** Credits one run costs (1 credit ≈ US$0.01 of provider list price); grows with quantity. */
  cost(params: Params): number;
  timeoutMs: number;
  /** The request body, from input port values (media already as URLs the provider can fetch) and params. */
  toInput(inputs: Readonly<Record<string, unknown>>, params: Params): Record<string, unknown>;
  /** Port values from the provider's documented output: one URL per `image` port, a list per `image[]`, a string per `text`. */
  fromOutput(raw: unknown): Record<string, unknown>;
  /** The page the endpoint id and parameter names were taken from. */
  source: string;
  /**
   * True only when the provider's own material confirms the id and every parameter name (`source`, or the
   * stored schema snapshot under test/providers/schemas/) and the price (`price.source`).
   */
  documented: boolean;
}

/** Keeps an entry's params typed while the catalog stores entries uniformly. */
export function defineModel<Params extends Record<string, unknown>>(entry: ModelEntry<Params>): ModelEntry {
  return entry as unknown as ModelEntry;
}
