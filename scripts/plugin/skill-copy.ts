// The plugin's copy of the skill, plugin/skills/pipewright/: SKILL.md and skill/ as they are at the
// top of the repository, the one text anyone edits. It is a copy because an installed plugin reads
// only files inside its own folder: Claude Code does not follow a symlink that leaves it (`claude
// plugin validate --strict` refuses one) and a plugin's `skills` path may not contain `..`; and
// the plugin cannot be the repository root, whose package.json would have Claude Code install
// every dependency into the plugin (hundreds of MB for a skill and a launcher).
import { readFile, readdir, rm, mkdir, copyFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { PACKAGE_ROOT, SKILL_NAME, skillFiles } from '../../src/skill/index.js';

export const PLUGIN_SKILL_DIR = join(PACKAGE_ROOT, 'plugin', 'skills', SKILL_NAME);

/** Replaces the plugin's copy with the top-level skill, files it no longer has included. */
export async function writePluginSkill(): Promise<number> {
  const files = await skillFiles();
  await rm(PLUGIN_SKILL_DIR, { recursive: true, force: true });
  for (const file of files) {
    const target = join(PLUGIN_SKILL_DIR, file.path);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file.absolute, target);
  }
  return files.length;
}

/** The paths where the copy differs from the top-level skill: changed, missing or extra. */
export async function stalePluginSkillFiles(): Promise<string[]> {
  const expected = await skillFiles();
  const present = await copiedFiles();
  const stale = present.filter((path) => !expected.some((file) => file.path === path));
  for (const file of expected) {
    const copy = await readFile(join(PLUGIN_SKILL_DIR, file.path)).catch(() => undefined);
    if (copy === undefined || !copy.equals(await readFile(file.absolute))) stale.push(file.path);
  }
  return stale.sort();
}

async function copiedFiles(): Promise<string[]> {
  const entries = await readdir(PLUGIN_SKILL_DIR, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(PLUGIN_SKILL_DIR, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
