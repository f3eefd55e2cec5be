import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultSkillsDir, installSkill, nodeCatalogReference, packSkill, SKILL_NAME } from '../../skill/index.js';

/** `skill install|pack|catalog`: put the Claude Skill where Claude reads it, or regenerate its node catalog. */
export function registerSkill(program: Command): void {
  const skill = program.command('skill').description('Install or package the pipewright Claude Skill');

  skill
    .command('install')
    .description(`Copy SKILL.md and skill/ into <dir>/${SKILL_NAME}/ (Claude Code's personal skills by default)`)
    .option('--dir <dir>', 'the skills folder', defaultSkillsDir())
    .action(async (flags: { dir: string }) => {
      const { target, files } = await installSkill({ dir: resolve(flags.dir) });
      process.stdout.write(`${target}\n`);
      process.stderr.write(`Installed the ${SKILL_NAME} skill (${files.length} files). Start a new Claude Code session to load it.\n`);
    });

  skill
    .command('pack')
    .description(`Write a zip whose root folder is ${SKILL_NAME}/, to upload in Claude's settings (Desktop, claude.ai)`)
    .option('--out <file>', 'the zip to write', `${SKILL_NAME}-skill.zip`)
    .action(async (flags: { out: string }) => {
      const { out, bytes } = await packSkill({ out: resolve(flags.out) });
      process.stdout.write(`${out}\n`);
      process.stderr.write(`Packed the ${SKILL_NAME} skill (${Math.ceil(bytes / 1024)} KiB).\n`);
    });

  skill
    .command('catalog')
    .description('Print the node catalog reference (skill/references/node-catalog.md), generated from the registry')
    .option('--out <file>', 'write it to this file instead of stdout')
    .action(async (flags: { out?: string }) => {
      const markdown = await nodeCatalogReference();
      if (flags.out === undefined) process.stdout.write(markdown);
      else await writeFile(resolve(flags.out), markdown);
    });
}
