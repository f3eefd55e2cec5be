import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The stored provider schemas (this folder's README): one JSON file per endpoint, read once and
 * turned into zod validators with `z.fromJSONSchema`, so a stand-in checks a body exactly as the
 * published schema says (ranges, enums, `$defs`, nullable `anyOf`), and refuses unknown keys
 * because the snapshot's input objects say `additionalProperties: false`.
 */
export type SchemaProvider = 'fal' | 'replicate';

export interface ProviderSchema {
  endpoint: string;
  source: Record<string, unknown>;
  retrieved: string;
  /** The stored JSON Schemas as written. */
  json: { input: Record<string, unknown>; output: Record<string, unknown> };
  input: z.ZodType;
  output: z.ZodType;
}

const folder = (provider: SchemaProvider) => new URL(`./${provider}/`, import.meta.url);
const fileOf = (provider: SchemaProvider, endpoint: string) => new URL(`${endpoint.replaceAll('/', '__')}.json`, folder(provider));
const cache = new Map<string, ProviderSchema | undefined>();

/** The stored schema of `endpoint` (fal endpoint id, Replicate `owner/name`), or undefined when none is stored. */
export function providerSchema(provider: SchemaProvider, endpoint: string): ProviderSchema | undefined {
  const key = `${provider}:${endpoint}`;
  if (!cache.has(key)) cache.set(key, load(provider, endpoint));
  return cache.get(key);
}

/** Every endpoint with a stored schema. */
export function storedEndpoints(provider: SchemaProvider): string[] {
  return readdirSync(folder(provider))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length).replaceAll('__', '/'));
}

function load(provider: SchemaProvider, endpoint: string): ProviderSchema | undefined {
  const file = fileOf(provider, endpoint);
  if (!existsSync(file)) return undefined;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Omit<ProviderSchema, 'json' | 'input' | 'output'> & ProviderSchema['json'];
  return {
    endpoint: stored.endpoint,
    source: stored.source,
    retrieved: stored.retrieved,
    json: { input: stored.input, output: stored.output },
    input: z.fromJSONSchema(stored.input as z.core.JSONSchema.JSONSchema),
    output: z.fromJSONSchema(stored.output as z.core.JSONSchema.JSONSchema),
  };
}
