import { copyFile, mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { skillFiles } from './files.js';
import { claimTarget } from './install-target.js';
import { writeManifest } from './manifest.js';
import { PACKAGE_ROOT, SKILL_NAME } from './paths.js';

/** Where Claude Code looks for personal skills. */
export function defaultSkillsDir(): string {
  return join(homedir(), '.claude', 'skills');
}

export interface InstallSkillOptions {
  /** The skills folder; the skill lands in `<dir>/pipewright/`. */
  dir?: string;
  root?: string;
  /** Write into a folder that holds files of someone else's (they are left as they are). */
  force?: boolean;
}

export interface InstalledSkill {
  target: string;
  /** The files written, relative to `target`. */
  files: string[];
  /** Files an earlier install wrote that this version no longer has, now removed. */
  removed: string[];
}

/**
 * Copies SKILL.md and skill/ into `<dir>/pipewright/` and lists them in the folder's manifest.
 * It never deletes a file it did not write: into a folder that is neither empty nor an earlier
 * install it writes only with `force`, and it removes only files an earlier install's manifest
 * lists, so `.git` and a user's own files survive every install.
 */
export async function installSkill(options: InstallSkillOptions = {}): Promise<InstalledSkill> {
  const root = options.root ?? PACKAGE_ROOT;
  const target = join(options.dir ?? defaultSkillsDir(), SKILL_NAME);
  const files = await skillFiles(root);
  const paths = files.map((file) => file.path);
  const previous = await claimTarget(target, options.force === true);
  const removed = previous.filter((path) => !paths.includes(path));
  const version = await packageVersion(root);
  // Recorded before any file is written, so an install cut short leaves no file the manifest does not claim.
  await writeManifest(target, { name: SKILL_NAME, version, files: [...new Set([...previous, ...paths])].sort() });
  for (const file of files) {
    const destination = join(target, ...file.path.split('/'));
    await mkdir(dirname(destination), { recursive: true });
    await copyFile(file.absolute, destination);
  }
  for (const path of removed) await removeOwnFile(target, path);
  await writeManifest(target, { name: SKILL_NAME, version, files: paths });
  return { target, files: paths, removed };
}

/** Removes one file and the folders it leaves empty, up to (not including) `target`. */
async function removeOwnFile(target: string, path: string): Promise<void> {
  const segments = path.split('/');
  try {
    await rm(join(target, ...segments), { force: true });
  } catch {
    return; // a folder of the user's now stands where the file was: it is theirs
  }
  for (let depth = segments.length - 1; depth > 0; depth--) {
    try {
      await rmdir(join(target, ...segments.slice(0, depth)));
    } catch {
      return; // not empty (a user's file is there) or already gone
    }
  }
}

async function packageVersion(root: string): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
