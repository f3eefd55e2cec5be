// Refreshes test/providers/schemas/: the provider JSON Schemas the stand-ins validate request bodies
// against (test/providers/schemas/README.md). Run with `npm run schemas:refresh -- [flags]`.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_CATALOG } from '../src/nodes/model/catalog/index.js';
import { clientEndpoints, type FalCheckout, git, readFalSchemas } from './provider-schemas/fal-source.js';
import { checkReplicateSnapshots, fetchReplicateSnapshot } from './provider-schemas/replicate.js';
import { fileNameOf, today, writeSnapshot } from './provider-schemas/snapshot-file.js';
import { strictInput } from './provider-schemas/strict.js';

/** fal endpoints the provider tests call directly without a catalog entry (test/providers/fal.test.ts). */
const TEST_ONLY_FAL_ENDPOINTS = ['fal-ai/flux/dev'];

const { values: flags } = parseArgs({
  options: {
    'fal-git-dir': { type: 'string', default: '/work/.mirror/fal-ai+fal-js/repo' },
    'fal-ref': { type: 'string', default: 'refs/pull/212/head' },
    'fal-main-ref': { type: 'string', default: 'main' },
    out: { type: 'string', default: 'test/providers/schemas' },
    'allow-missing': { type: 'boolean', default: false },
  },
});

const endpointsOf = (provider: string) => [...new Set(MODEL_CATALOG.filter((entry) => entry.provider === provider).map((entry) => entry.endpoint))].sort();
const falFolder = join(flags.out, 'fal');
const replicateFolder = join(flags.out, 'replicate');
mkdirSync(falFolder, { recursive: true });
mkdirSync(replicateFolder, { recursive: true });

const falMissing = await refreshFal([...new Set([...endpointsOf('fal'), ...TEST_ONLY_FAL_ENDPOINTS])].sort());
const replicateProblems = await refreshReplicate(endpointsOf('replicate'));
const problems = [...falMissing, ...replicateProblems];
if (problems.length > 0) {
  console.error(`\n!!! ${problems.length} endpoint(s) without a usable schema:\n${problems.map((line) => `  - ${line}`).join('\n')}\n`);
  if (!flags['allow-missing']) process.exit(1);
  console.error('(--allow-missing: continuing)');
}

async function refreshFal(endpoints: string[]): Promise<string[]> {
  const checkout: FalCheckout = { gitDir: flags['fal-git-dir'], ref: flags['fal-ref'] };
  const commit = git(checkout, 'rev-parse', checkout.ref).trim();
  const schemas = await readFalSchemas(checkout);
  const known = clientEndpoints({ gitDir: checkout.gitDir, ref: flags['fal-main-ref'] });
  const missing: string[] = [];
  let written = 0;
  for (const endpoint of endpoints) {
    const pair = schemas.get(endpoint);
    if (pair === undefined) {
      const status = known.has(endpoint) ? 'still listed' : 'NOT listed (delisted?)';
      missing.push(`fal ${endpoint}: not in fal-js ${checkout.ref}; fal's client (${flags['fal-main-ref']}) has it ${status}`);
      continue;
    }
    const source = { repo: 'fal-ai/fal-js', ref: checkout.ref, commit, path: pair.path, schemaName: pair.schemaName };
    const snapshot = { endpoint, source, retrieved: today(), input: strictInput(pair.input), output: pair.output };
    if (writeSnapshot(join(falFolder, fileNameOf(endpoint)), snapshot)) written++;
    if (!known.has(endpoint)) console.warn(`warning: fal ${endpoint} has a schema but fal's client (${flags['fal-main-ref']}) no longer lists it`);
  }
  const kept = new Set(endpoints.map(fileNameOf));
  for (const file of readdirSync(falFolder).filter((name) => name.endsWith('.json') && !kept.has(name))) {
    rmSync(join(falFolder, file));
    console.log(`removed ${file}: no catalog entry uses it`);
  }
  console.log(
    `fal: ${endpoints.length - missing.length}/${endpoints.length} endpoints from ${checkout.ref} (${commit.slice(0, 12)}), ${written} file(s) changed`,
  );
  return missing;
}

/** Replicate's schemas are written by hand from each model's API page; with a token they are re-read from its API. */
async function refreshReplicate(models: string[]): Promise<string[]> {
  const token = process.env.REPLICATE_API_TOKEN;
  if (token !== undefined && token !== '') {
    for (const model of models) writeSnapshot(join(replicateFolder, fileNameOf(model)), await fetchReplicateSnapshot(model, token));
  }
  const problems = checkReplicateSnapshots(replicateFolder, models);
  console.log(
    `replicate: ${models.length - new Set(problems.map((line) => line.split(':')[0])).size}/${models.length} snapshots well-formed${token ? ' (re-read from the API)' : ''}`,
  );
  return problems.map((problem) => `replicate ${problem}`);
}
