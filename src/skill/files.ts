import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

export interface SkillFile {
  /** Relative to the skill's root folder, with `/` separators: `SKILL.md`, `skill/references/api.md`. */
  path: string;
  absolute: string;
}

/** What the skill is made of: SKILL.md and everything under skill/, in a stable order. */
export async function skillFiles(root: string = PACKAGE_ROOT): Promise<SkillFile[]> {
  const nested = await readdir(join(root, 'skill'), { recursive: true, withFileTypes: true });
  const absolutes = nested.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return [join(root, 'SKILL.md'), ...absolutes]
    .map((absolute) => ({ path: relative(root, absolute).split(sep).join('/'), absolute }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
