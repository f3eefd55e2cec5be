import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The skill's name: its frontmatter `name`, the folder it installs into, the zip's root folder. */
export const SKILL_NAME = 'pipewright';

/**
 * The package root, where SKILL.md and skill/ live. This file sits two levels below it both as
 * src/skill/paths.ts (tsx, tests) and as dist/skill/paths.js (the published CLI).
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The reusable workflows bundled with the skill, which `templates import` loads into an account. */
export function bundledTemplatesDir(root: string = PACKAGE_ROOT): string {
  return join(root, 'skill', 'templates');
}
