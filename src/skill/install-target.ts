import { mkdir, readdir, stat } from 'node:fs/promises';
import { PipewrightError } from '../errors/index.js';
import { MANIFEST_FILE, readManifest } from './manifest.js';

/**
 * Decides whether `skill install` may write into `target`, and which files there are its own:
 * a missing or empty folder (none), a folder an earlier install left (the files its manifest
 * lists), or, only with `force`, any other folder (none: whatever is there stays the user's).
 * Creates the folder when it is missing. Refuses before anything is written.
 */
export async function claimTarget(target: string, force: boolean): Promise<readonly string[]> {
  const entries = await entriesOf(target);
  if (entries === undefined) {
    await mkdir(target, { recursive: true });
    return [];
  }
  if (entries.length === 0) return [];
  const manifest = await readManifest(target);
  if (manifest !== undefined) return manifest.files;
  if (force) return [];
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
  throw new PipewrightError(
    'invalid_option',
    `${target} already holds files pipewright did not install (${shown}) and no ${MANIFEST_FILE} of an earlier install. ` +
      "Choose another --dir, or pass --force to write the skill's files there and leave every other file as it is.",
    { details: { option: 'dir' } },
  );
}

/** The names in the folder, or undefined when there is no folder. */
async function entriesOf(target: string): Promise<string[] | undefined> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(target)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!isDirectory) throw new PipewrightError('invalid_option', `${target} is a file, not a folder: choose another --dir`, { details: { option: 'dir' } });
  return (await readdir(target)).sort();
}
