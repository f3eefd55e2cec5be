// The package as a user installs it: `npm pack` of the current build, `npm install -g` of that
// tarball into a temporary prefix, then `pipewright` from a folder that is not the checkout.
// Slow by nature (tens of seconds: npm installs ~200 packages, from the cache `npm ci` filled); the
// native modules come from the checkout's own build of the same versions (scripts/release/native-seeds.ts),
// so nothing compiles and no prebuilt binary is downloaded. npm may still ask the registry for
// package metadata the cache lacks: the one place the suite reaches beyond 127.0.0.1.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledCli, installGlobally } from '../../scripts/release/install.js';
import { nativeSeeds } from '../../scripts/release/native-seeds.js';
import { type PackedTarball, packTarball, tarballProblems } from '../../scripts/release/pack.js';
import { probeMcp } from '../../scripts/release/probe-mcp.js';
import { PACKAGE_ROOT } from '../../src/skill/index.js';
import { assertFreshBuild } from '../support/built-cli.js';

const INSTALL_TIMEOUT_MS = 600_000;
const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
const graph = JSON.parse(await readFile(join(PACKAGE_ROOT, 'examples', 'branching.json'), 'utf8')) as { nodes: unknown[]; edges: unknown[] };

let scratch: string;
let packed: PackedTarball;
let cli: InstalledCli;
/** A folder with no package.json above it that names pipewright: where a user runs the command. */
let elsewhere: string;

beforeAll(async () => {
  assertFreshBuild();
  scratch = await mkdtemp(join(tmpdir(), 'pw-release-'));
  elsewhere = join(scratch, 'elsewhere');
  await mkdir(elsewhere);
  packed = await packTarball({ source: PACKAGE_ROOT, dest: scratch, cwd: scratch, build: false });
  const seeds = await nativeSeeds(PACKAGE_ROOT, scratch);
  cli = await installGlobally({ spec: packed.file, prefix: join(scratch, 'prefix'), cwd: elsewhere, env: seeds });
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function runInstalled(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)('pipewright', args, { cwd: elsewhere, env: { ...process.env, PATH: cli.path, PIPEWRIGHT_HOME: join(scratch, 'home') } });
}

describe('the npm tarball, installed with npm install -g', () => {
  it('is under 5 MB and holds the built CLI and the skill, not the sources, tests or benchmarks', () => {
    expect(tarballProblems(packed)).toEqual([]);
    expect(packed.files).toEqual(expect.arrayContaining(['skill/references/node-catalog.md', 'skill/templates/product-shot.json', 'examples/branching.json']));
  });

  it('puts pipewright on PATH, which runs from any folder', async () => {
    const { stdout } = await runInstalled(['--version']);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('runs a workflow with the native modules it installed (the store, and sharp for the images)', async () => {
    const { stdout } = await runInstalled(['run', join(cli.packageDir, 'examples', 'image-pipeline.json')]);
    expect(stdout).toMatch(/^contactSheet: file:\/\/.+\.png$/m);
  });

  it('serves MCP over stdio from another folder: tools, completions and resource subscriptions', async () => {
    const probe = await probeMcp({ command: 'pipewright', cwd: elsewhere, env: { PATH: cli.path, PIPEWRIGHT_HOME: join(scratch, 'home') }, graph });
    expect(probe).toMatchObject({ serverName: 'pipewright', serverVersion: pkg.version, validation: { ok: true, violations: [] } });
    expect(probe.tools).toEqual(expect.arrayContaining(['list_node_types', 'validate_workflow', 'execute_workflow', 'get_execution', 'retry_execution']));
    expect(probe.nodeTypeCompletions).toEqual(expect.arrayContaining(['input:text', 'input:image']));
    expect(probe.updatedUri).toMatch(/^pipewright:\/\/workflows\/.+/);
  }, 60_000);
});
