import { join } from 'node:path';
import { npm } from './npm.js';

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  file: string;
  /** Compressed bytes. */
  size: number;
  unpackedSize: number;
  /** Every path in the package, relative to its root. */
  files: string[];
}

/**
 * `npm pack` of `source` (a folder, or a `git+…` URL) into `dest`. With `build: false` it packs
 * the dist/ already built (no `prepare`): what a test of the current build needs, without
 * rebuilding the dist/ other tests are running.
 */
export async function packTarball(options: { source: string; dest: string; cwd: string; build: boolean }): Promise<PackedTarball> {
  const args = ['pack', options.source, '--json', '--pack-destination', options.dest, ...(options.build ? [] : ['--ignore-scripts'])];
  const { stdout } = await npm(args, { cwd: options.cwd });
  // npm prints the JSON after any output of `prepare`; it is the last top-level array.
  const [packed] = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as Array<{
    filename: string;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  if (!packed) throw new Error(`npm pack printed no package:\n${stdout}`);
  return { file: join(options.dest, packed.filename), size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.map((file) => file.path) };
}

/** What the package must hold and must not: its problems, none when it is fit to ship. */
export function tarballProblems(packed: PackedTarball, limitBytes = 5 * 1024 * 1024): string[] {
  const problems: string[] = [];
  if (packed.size >= limitBytes) problems.push(`the tarball is ${packed.size} bytes, over the ${limitBytes}-byte limit`);
  for (const required of ['package.json', 'dist/bin/pipewright.js', 'SKILL.md', 'README.md', 'LICENSE']) {
    if (!packed.files.includes(required)) problems.push(`it lacks ${required}`);
  }
  const strays = packed.files.filter((path) => /^(src|test|bench|scripts|plugin|node_modules|coverage)\//.test(path) || /\.test\.[cm]?[jt]s$/.test(path));
  if (strays.length > 0) problems.push(`it holds files no user needs: ${strays.slice(0, 5).join(', ')}${strays.length > 5 ? ', …' : ''}`);
  return problems;
}
