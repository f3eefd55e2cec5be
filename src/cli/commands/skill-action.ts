import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { installSkill, nodeCatalogReference, packSkill, SKILL_NAME } from '../../skill/index.js';

export async function installSkillCommand(flags: { dir?: string; force?: boolean }): Promise<void> {
  const { target, files, removed } = await installSkill({ ...(flags.dir !== undefined && { dir: resolve(flags.dir) }), force: flags.force === true });
  process.stdout.write(`${target}\n`);
  const stale = removed.length > 0 ? `, removed ${removed.length} left by an earlier version` : '';
  process.stderr.write(`Installed the ${SKILL_NAME} skill (${files.length} files${stale}). Start a new Claude Code session to load it.\n`);
}

export async function packSkillCommand(flags: { out: string }): Promise<void> {
  const { out, bytes } = await packSkill({ out: resolve(flags.out) });
  process.stdout.write(`${out}\n`);
  process.stderr.write(`Packed the ${SKILL_NAME} skill (${Math.ceil(bytes / 1024)} KiB).\n`);
}

export async function catalogCommand(flags: { out?: string }): Promise<void> {
  const markdown = await nodeCatalogReference();
  if (flags.out === undefined) process.stdout.write(markdown);
  else await writeFile(resolve(flags.out), markdown);
}
