// `npm run release:check`: builds the package and proves it installs as the README says, on this
// machine as a user's: `npm pack` (which builds), `npm install -g` of the tarball into a temporary
// prefix (native modules downloaded or compiled by their own installers, as for a user: minutes
// where re2 compiles), then from a temporary folder `pipewright --version` and `pipewright mcp`
// (initialize, tools/list, validate_workflow). Then the same from git: `npm pack git+file://` of
// this repository, which npm clones at HEAD (uncommitted changes left out) and builds there with
// `prepare` and the devDependencies it installs first, and an install of that tarball. Leaves the
// tarballs in the folder it prints. `-- --skip-git` skips the second part.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { installGlobally } from './release/install.js';
import { type PackedTarball, packTarball, tarballProblems } from './release/pack.js';
import { probeMcp } from './release/probe-mcp.js';

const { values: flags } = parseArgs({ options: { 'skip-git': { type: 'boolean', default: false } } });
const root = process.cwd();
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
const graph = JSON.parse(await readFile(join(root, 'examples', 'branching.json'), 'utf8')) as unknown;
const scratch = await mkdtemp(join(tmpdir(), 'pipewright-release-'));
const elsewhere = join(scratch, 'elsewhere');
await mkdir(elsewhere);

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** Installs `spec` into its own prefix and checks the command and its MCP server from another folder. */
async function checkInstall(label: string, spec: string): Promise<void> {
  const started = Date.now();
  const cli = await installGlobally({ spec, prefix: join(scratch, `prefix-${label}`), cwd: elsewhere });
  const env = { PATH: cli.path, PIPEWRIGHT_HOME: join(scratch, `home-${label}`) };
  const version = execFileSync('pipewright', ['--version'], { cwd: elsewhere, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
  if (version !== pkg.version) throw new Error(`${label}: pipewright --version printed ${version}, not ${pkg.version}`);
  const probe = await probeMcp({ command: 'pipewright', cwd: elsewhere, env, graph });
  if (!probe.tools.includes('validate_workflow') || probe.validation.ok !== true || !probe.nodeTypeCompletions.includes('input:text')) {
    throw new Error(`${label}: unexpected MCP answers ${JSON.stringify(probe)}`);
  }
  say(
    `${label}: installed in ${seconds(started)}; pipewright ${version} on PATH; pipewright mcp answered with ${probe.tools.length} tools, validated a graph, completed node types and notified a subscription`,
  );
}

function describePack(label: string, packed: PackedTarball): void {
  const problems = tarballProblems(packed);
  if (problems.length > 0) throw new Error(`${label}: ${problems.join('; ')}`);
  say(`${label}: ${packed.file} (${(packed.size / 1e6).toFixed(2)} MB, ${packed.files.length} files, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked)`);
}

say(`release check of pipewright ${pkg.version} in ${scratch}`);
const tarball = await packTarball({ source: root, dest: scratch, cwd: root, build: true });
describePack('npm pack', tarball);
await checkInstall('tarball', tarball.file);

if (!flags['skip-git']) {
  const fromGit = await mkdtemp(join(scratch, 'git-pack-'));
  const packed = await packTarball({ source: `git+${pathToFileURL(root).href}`, dest: fromGit, cwd: fromGit, build: true });
  describePack('npm pack git+file (HEAD)', packed);
  await checkInstall('git', packed.file);
}
say('release check passed');
