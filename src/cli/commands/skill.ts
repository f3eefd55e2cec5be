import type { Command } from 'commander';

/**
 * `skill install|pack|catalog`: put the Claude Skill where Claude reads it, or regenerate its node
 * catalog. Each action loads the skill layer when it runs, so other commands never pay for it.
 */
export function registerSkill(program: Command): void {
  const skill = program.command('skill').description('Install or package the pipewright Claude Skill');

  skill
    .command('install')
    .description(
      "Copy SKILL.md and skill/ into <dir>/pipewright/ (Claude Code's personal skills by default). Writes only into an empty folder or an " +
        'earlier install, and removes only files an earlier install wrote',
    )
    .option('--dir <dir>', 'the skills folder (default: ~/.claude/skills)')
    .option('--force', "write into <dir>/pipewright/ even when it holds other files; they are left as they are, only the skill's own files are replaced")
    .action(async (flags: { dir?: string; force?: boolean }) => (await import('./skill-action.js')).installSkillCommand(flags));

  skill
    .command('pack')
    .description("Write a zip whose root folder is pipewright/, to upload in Claude's settings (Desktop, claude.ai)")
    .option('--out <file>', 'the zip to write', 'pipewright-skill.zip')
    .action(async (flags: { out: string }) => (await import('./skill-action.js')).packSkillCommand(flags));

  skill
    .command('catalog')
    .description('Print the node catalog reference (skill/references/node-catalog.md), generated from the registry')
    .option('--out <file>', 'write it to this file instead of stdout')
    .action(async (flags: { out?: string }) => (await import('./skill-action.js')).catalogCommand(flags));
}
