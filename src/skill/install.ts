import { copyFile, mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { skillFiles } from './files.js';
import { PACKAGE_ROOT, SKILL_NAME } from './paths.js';

/** Where Claude Code looks for personal skills. */
export function defaultSkillsDir(): string {
  return join(homedir(), '.claude', 'skills');
}

export interface InstallSkillOptions {
  /** The skills folder; the skill lands in `<dir>/pipewright/`. */
  dir?: string;
  root?: string;
}

/**
 * Copies SKILL.md and skill/ into `<dir>/pipewright/`. A previous install is removed first, so a
 * reference or template dropped from the package does not linger beside the new ones.
 */
export async function installSkill(options: InstallSkillOptions = {}): Promise<{ target: string; files: string[] }> {
  const target = join(options.dir ?? defaultSkillsDir(), SKILL_NAME);
  const files = await skillFiles(options.root ?? PACKAGE_ROOT);
  await rm(target, { recursive: true, force: true });
  for (const file of files) {
    const destination = join(target, ...file.path.split('/'));
    await mkdir(dirname(destination), { recursive: true });
    await copyFile(file.absolute, destination);
  }
  return { target, files: files.map((file) => file.path) };
}
