import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SKILL_NAME } from '../../src/skill/index.js';
import { frontmatter } from './skill-docs.js';

// The Agent Skills specification (agentskills.io/specification), Claude's skill upload rules, and
// the checks of the validators: anthropics/skills skills/skill-creator/scripts/quick_validate.py
// (which package_skill.py runs before zipping) and agentskills/agentskills skills-ref's validator.
const text = await readFile(new URL('../../SKILL.md', import.meta.url), 'utf8');
const { fields, body } = frontmatter(text);
const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('SKILL.md frontmatter', () => {
  it('has only name, description and the optional license and metadata', () => {
    expect(Object.keys(fields).sort()).toEqual(['description', 'license', 'metadata', 'name']);
  });

  it('names the skill in lowercase letters, digits and single hyphens, at most 64 characters', () => {
    expect(fields.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(String(fields.name).length).toBeLessThanOrEqual(64);
  });

  it('uses the name of the folder it is installed and packed into', () => {
    expect(fields.name).toBe(SKILL_NAME);
  });

  it('keeps reserved words out of the name and angle brackets out of name and description', () => {
    expect(String(fields.name)).not.toMatch(/anthropic|claude/i);
    for (const value of [fields.name, fields.description]) expect(String(value)).not.toMatch(/[<>]/);
  });

  it('describes what it does and when to use it in at most 1,024 characters, with the requests it should trigger on', () => {
    const description = String(fields.description);
    expect(description.length).toBeGreaterThan(100);
    expect(description.length).toBeLessThanOrEqual(1024);
    expect(description).toMatch(/Use it when/);
    for (const request of ['make a product video from this photo', 'generate 4 variations and upscale the best', 'turn this into a reusable workflow']) {
      expect(description).toContain(request);
    }
  });

  it('has a string-to-string metadata map whose version is the package version', () => {
    expect(fields.license).toBe('MIT');
    expect(fields.metadata).toEqual({ version: pkg.version });
  });

  it('stays lean: at most 500 lines and 2,500 words, the detail left to skill/references', () => {
    expect(text.split('\n').length).toBeLessThanOrEqual(500);
    expect(text.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2500);
    expect(body.length).toBeGreaterThan(0);
  });
});
