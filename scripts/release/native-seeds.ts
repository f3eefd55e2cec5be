// The two native modules pipewright installs, re2 and better-sqlite3, each try to download a
// prebuilt binary and otherwise compile from source (re2 for minutes). A test that installs the
// tarball offers each, through the variables its installer documents, the binary the checkout's
// own `npm ci` built or downloaded for this machine: the same package version, Node ABI and platform,
// so the install is bounded and needs no network, while the package is still installed as a user
// installs it. `npm run release:check` installs without them, as a user's machine does.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Puts binaries made from `root`'s node_modules in `scratch`/native and returns the environment
 * that points the installers at them; the install's prefix must lie under `scratch`.
 */
export async function nativeSeeds(root: string, scratch: string): Promise<Record<string, string>> {
  const dir = join(scratch, 'native');
  await mkdir(dir, { recursive: true });
  const require = createRequire(join(root, 'package.json'));
  const platform = `${process.platform}-${process.arch}`;
  const abi = process.versions.modules;

  // install-artifact-from-github (re2's `install`): with both SKIP variables the binary is read from
  // `${RE2_DOWNLOAD_MIRROR}/<platform>-<arch>-<abi>.gz`, a local path allowed.
  const re2 = join(dirname(require.resolve('re2/package.json')), 'build', 'Release', 're2.node');
  await writeFile(join(dir, `${platform}-${abi}.gz`), gzipSync(await readFile(re2)));

  // prebuild-install (better-sqlite3's `install`) looks for `<name>-v<version>-node-v<abi>-<platform>-<arch>.tar.gz`
  // in its `local-prebuilds` folder before downloading. The setting goes in a .prebuild-installrc
  // above the install (rc reads it from the package's folder upwards): as an environment variable
  // its name is either one sh drops (`prebuild-install_local-prebuilds`) or an npm_config_ one npm
  // warns is not its own.
  const sqliteRoot = dirname(require.resolve('better-sqlite3/package.json'));
  const { version } = JSON.parse(await readFile(join(sqliteRoot, 'package.json'), 'utf8')) as { version: string };
  const staged = join(dir, 'better-sqlite3');
  await mkdir(join(staged, 'build', 'Release'), { recursive: true });
  await copyFile(join(sqliteRoot, 'build', 'Release', 'better_sqlite3.node'), join(staged, 'build', 'Release', 'better_sqlite3.node'));
  const archive = `better-sqlite3-v${version}-node-v${abi}-${platform}.tar.gz`;
  await tar(['czf', join(dir, archive), '-C', staged, 'build']);
  await writeFile(join(scratch, '.prebuild-installrc'), `${JSON.stringify({ 'local-prebuilds': dir })}\n`);

  return { RE2_DOWNLOAD_MIRROR: dir, RE2_DOWNLOAD_SKIP_PATH: '1', RE2_DOWNLOAD_SKIP_VER: '1' };
}

function tar(args: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('tar', args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar ${args.join(' ')} exited ${code}`))));
  });
}
