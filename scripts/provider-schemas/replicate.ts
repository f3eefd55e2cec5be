import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileNameOf, type SnapshotFile, snapshotProblems, today } from './snapshot-file.js';
import { looseObjects, strictInput } from './strict.js';

type Schema = Record<string, unknown>;
const COMPONENTS = '#/components/schemas/';

/**
 * Problems with the hand-written Replicate snapshots of `models` (owner/name): missing, malformed,
 * or an input object that does not refuse unknown keys.
 */
export function checkReplicateSnapshots(folder: string, models: readonly string[]): string[] {
  return models.flatMap((model) => {
    const path = join(folder, fileNameOf(model));
    if (!existsSync(path)) return [`${model}: no snapshot at ${path} (write it from https://replicate.com/${model}/api)`];
    const file = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
    const problems = snapshotProblems(file, model);
    if (typeof file.source?.url !== 'string') problems.push('source.url is missing');
    problems.push(...looseObjects(file.input).map((at) => `input object at ${at} lacks additionalProperties`));
    return problems.map((problem) => `${model}: ${problem}`);
  });
}

/**
 * A snapshot read from Replicate's API (https://replicate.com/docs/reference/http#models.get):
 * the latest version's OpenAPI `Input` and `Output`, their `#/components/schemas/…` references
 * moved under `$defs` so each schema stands alone.
 */
export async function fetchReplicateSnapshot(model: string, token: string): Promise<SnapshotFile> {
  const url = `https://api.replicate.com/v1/models/${model}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${model}: ${url} answered ${response.status}`);
  const body = (await response.json()) as { latest_version?: { id: string; openapi_schema?: { components?: { schemas?: Record<string, Schema> } } } };
  const version = body.latest_version;
  const components = version?.openapi_schema?.components?.schemas;
  if (version === undefined || components?.Input === undefined || components.Output === undefined)
    throw new Error(`${model}: no latest_version schema at ${url}`);
  return {
    endpoint: model,
    source: { url: `https://replicate.com/${model}/versions/${version.id}/api`, api: url, version: version.id },
    retrieved: today(),
    input: strictInput(standAlone(components.Input, components)),
    output: standAlone(components.Output, components),
  };
}

function standAlone(schema: Schema, components: Record<string, Schema>): Schema {
  const defs: Record<string, Schema> = {};
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item)]));
    const ref = copy.$ref;
    if (typeof ref === 'string' && ref.startsWith(COMPONENTS)) {
      const name = ref.slice(COMPONENTS.length);
      copy.$ref = `#/$defs/${name}`;
      if (!(name in defs) && components[name] !== undefined) {
        defs[name] = {};
        defs[name] = rewrite(components[name]) as Schema;
      }
    }
    return copy;
  };
  const root = rewrite(schema) as Schema;
  return Object.keys(defs).length === 0 ? root : { ...root, $defs: defs };
}
