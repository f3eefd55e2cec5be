// Refreshes test/providers/schemas/: the provider JSON Schemas the stand-ins validate request bodies
// against (test/providers/schemas/README.md). Run with `npm run schemas:refresh -- [flags]`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_CATALOG } from '../src/nodes/model/catalog/index.js';
import { refreshFal } from './provider-schemas/refresh-fal.js';
import { checkReplicateSnapshots, fetchReplicateSnapshot } from './provider-schemas/replicate.js';
import { fileNameOf, writeSnapshot } from './provider-schemas/snapshot-file.js';

/** fal endpoints the provider tests call directly without a catalog entry (test/providers/fal.test.ts). */
const TEST_ONLY_FAL_ENDPOINTS = ['fal-ai/flux/dev'];

const { values: flags } = parseArgs({
  options: {
    'fal-git-dir': { type: 'string' },
    'fal-ref': { type: 'string', default: 'refs/pull/212/head' },
    'fal-main-ref': { type: 'string', default: 'main' },
    out: { type: 'string', default: 'test/providers/schemas' },
    'allow-missing': { type: 'boolean', default: false },
  },
});

const falGitDir = flags['fal-git-dir'] ?? process.env.FAL_JS_GIT_DIR;
if (falGitDir === undefined || falGitDir === '') {
  console.error(
    [
      'Needs a clone of fal-ai/fal-js that has fetched pull request 212: pass its git directory as',
      '--fal-git-dir <dir>/.git or in FAL_JS_GIT_DIR. To make one:',
      '  git clone https://github.com/fal-ai/fal-js && git -C fal-js fetch origin pull/212/head:refs/pull/212/head',
      '  npm run schemas:refresh -- --fal-git-dir fal-js/.git',
    ].join('\n'),
  );
  process.exit(2);
}

// Replicate's schemas are per model: `owner/name:version` is stored as `owner/name`.
const endpointsOf = (provider: string) =>
  [
    ...new Set(
      MODEL_CATALOG.filter((entry) => entry.provider === provider).map((entry) => (provider === 'replicate' ? entry.endpoint.split(':')[0]! : entry.endpoint)),
    ),
  ].sort();
const falFolder = join(flags.out, 'fal');
const replicateFolder = join(flags.out, 'replicate');
mkdirSync(falFolder, { recursive: true });
mkdirSync(replicateFolder, { recursive: true });

const falMissing = await refreshFal([...new Set([...endpointsOf('fal'), ...TEST_ONLY_FAL_ENDPOINTS])].sort(), {
  gitDir: falGitDir,
  ref: flags['fal-ref'],
  mainRef: flags['fal-main-ref'],
  folder: falFolder,
});
const replicateProblems = await refreshReplicate(endpointsOf('replicate'));
const problems = [...falMissing, ...replicateProblems];
if (problems.length > 0) {
  console.error(`\n!!! ${problems.length} endpoint(s) not covered by the published schemas:\n${problems.map((line) => `  - ${line}`).join('\n')}\n`);
  if (!flags['allow-missing']) process.exit(1);
  console.error('(--allow-missing: continuing)');
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
