// `npm run plugin:skill`: writes the Claude Code plugin's copy of the skill (plugin/skills/pipewright/)
// from the top-level SKILL.md and skill/. Run it after editing either; test/plugin/skill-copy.test.ts
// fails while the copy is stale.
import { relative } from 'node:path';
import { PLUGIN_SKILL_DIR, writePluginSkill } from './plugin/skill-copy.js';

const count = await writePluginSkill();
process.stdout.write(`wrote ${count} files to ${relative(process.cwd(), PLUGIN_SKILL_DIR)}\n`);
