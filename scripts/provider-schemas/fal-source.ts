import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { typeSchemas } from './client-types.js';

const REPO = 'fal-ai/fal-js';
/** Where fal's JSON Schemas live in fal-ai/fal-js pull request #212: one folder per category. */
const SCHEMAS_ROOT = 'libs/schemas/src';
/** The fal client's list of the endpoints it knows today (fal-ai/fal-js main). */
const CLIENT_ENDPOINTS = 'libs/client/src/types/endpoints.ts';

export interface FalSchemaPair {
  endpoint: string;
  /** Where the pair was read: repository, ref, commit, file, and the names of the two schemas (or types). */
  source: { repo: string; ref: string; commit: string; path: string; schemaName: { input: string; output: string }; note?: string };
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

export interface FalCheckout {
  gitDir: string;
  ref: string;
}

export function git(checkout: Pick<FalCheckout, 'gitDir'>, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', checkout.gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Every endpoint's input and output JSON Schema in the checkout, by endpoint id. Each category's
 * generated files (`export const XSchema = {...} as const` and the endpoint → schema map) are
 * written to a temporary folder and bundled with esbuild, so they are evaluated as the module they
 * are rather than parsed by hand.
 */
export async function readFalSchemas(checkout: FalCheckout): Promise<Map<string, FalSchemaPair>> {
  const categories = git(checkout, 'ls-tree', '--name-only', `${checkout.ref}:${SCHEMAS_ROOT}`)
    .split('\n')
    .filter((name) => name !== '' && !name.includes('.'));
  const commit = git(checkout, 'rev-parse', checkout.ref).trim();
  const folder = mkdtempSync(join(tmpdir(), 'fal-schemas-'));
  try {
    const pairs = new Map<string, FalSchemaPair>();
    for (const category of categories) for (const pair of await readCategory({ ...checkout, commit }, folder, category)) pairs.set(pair.endpoint, pair);
    return pairs;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function readCategory(checkout: FalCheckout & { commit: string }, folder: string, category: string): Promise<FalSchemaPair[]> {
  const dir = join(folder, category);
  const files = ['schemas.gen.ts', 'endpoint-schema-map.ts', 'schemas-index.ts'];
  execFileSync('mkdir', ['-p', dir]);
  for (const file of files) writeFileSync(join(dir, file), git(checkout, 'show', `${checkout.ref}:${SCHEMAS_ROOT}/${category}/${file}`));
  const outfile = join(folder, `${category}.mjs`);
  await build({ entryPoints: [join(dir, 'schemas-index.ts')], outfile, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
  const module = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
  const mapName = Object.keys(module).find((name) => name.endsWith('EndpointSchemaMap'));
  if (mapName === undefined) throw new Error(`${category}: no *EndpointSchemaMap export in ${SCHEMAS_ROOT}/${category}/schemas-index.ts`);
  const names = new Map<unknown, string>(Object.entries(module).map(([name, value]) => [value, name]));
  const map = module[mapName] as Record<string, { input: Record<string, unknown>; output: Record<string, unknown> }>;
  const path = `${SCHEMAS_ROOT}/${category}/schemas.gen.ts`;
  return Object.entries(map).map(([endpoint, { input, output }]) => ({
    endpoint,
    source: { repo: REPO, ref: checkout.ref, commit: checkout.commit, path, schemaName: { input: names.get(input) ?? '?', output: names.get(output) ?? '?' } },
    input,
    output,
  }));
}

/**
 * Every endpoint fal's client lists on `ref` (the keys of its `EndpointTypeMap`), with schemas
 * read from its TypeScript types (client-types.ts): field names, required fields and enums, no ranges.
 */
export function readClientSchemas(checkout: FalCheckout): Map<string, FalSchemaPair> {
  const commit = git(checkout, 'rev-parse', checkout.ref).trim();
  const code = git(checkout, 'show', `${checkout.ref}:${CLIENT_ENDPOINTS}`);
  const schemaOf = typeSchemas(code);
  const map = code.slice(code.indexOf('export type EndpointTypeMap'));
  const note = "From fal's client types: field names, required fields and enums; no numeric ranges or formats.";
  const entries = [...map.matchAll(/^ {2}"([^"]+)": \{\n\s+input: (\w+);\n\s+output: (\w+);/gm)].map(([, endpoint, input, output]): [string, FalSchemaPair] => [
    endpoint!,
    {
      endpoint: endpoint!,
      source: { repo: REPO, ref: checkout.ref, commit, path: CLIENT_ENDPOINTS, schemaName: { input: input!, output: output! }, note },
      input: schemaOf(input!),
      output: schemaOf(output!),
    },
  ]);
  return new Map(entries);
}
