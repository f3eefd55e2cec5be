import { describe, expect, it } from 'vitest';
import { stalePluginSkillFiles } from '../../scripts/plugin/skill-copy.js';

// An installed plugin reads only its own folder, so it carries a copy of the skill (why: scripts/plugin/skill-copy.ts).
describe("the plugin's copy of the skill", () => {
  it('is the top-level SKILL.md and skill/, file for file (run `npm run plugin:skill` after editing them)', async () => {
    expect(await stalePluginSkillFiles()).toEqual([]);
  });
});
