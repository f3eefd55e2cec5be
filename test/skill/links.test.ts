import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/skill/index.js';
import { anchors, links, skillDocs } from './skill-docs.js';

const docs = await skillDocs();
const skill = docs.find((doc) => doc.path === 'SKILL.md')!;

describe('links in SKILL.md and skill/references', () => {
  it.each(docs)('every relative link in $path resolves, anchors included', async ({ path, text }) => {
    const broken: string[] = [];
    for (const { target, line } of links(text).filter((link) => !/^[a-z]+:/.test(link.target))) {
      const [file = '', anchor] = target.split('#');
      const resolved = file === '' ? path : normalize(join(dirname(path), file));
      if (!existsSync(join(PACKAGE_ROOT, resolved))) {
        broken.push(`${path}:${line} ${target} (no file)`);
        continue;
      }
      if (anchor !== undefined && !anchors(await readFile(join(PACKAGE_ROOT, resolved), 'utf8')).has(anchor))
        broken.push(`${path}:${line} ${target} (no heading)`);
    }
    expect(broken).toEqual([]);
  });

  it('links every reference directly from SKILL.md, and references sit one level deep', async () => {
    const entries = await readdir(join(PACKAGE_ROOT, 'skill', 'references'), { withFileTypes: true });
    expect(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name)).toEqual([]);
    const linked = new Set(links(skill.text).map((link) => link.target.split('#')[0]));
    expect(entries.map((entry) => `skill/references/${entry.name}`).filter((path) => !linked.has(path))).toEqual([]);
  });

  it.each(docs.filter((doc) => doc.path !== 'SKILL.md'))('$path opens with a table of contents when it is over 300 lines', ({ text }) => {
    if (text.split('\n').length <= 300) return;
    expect(text.split('\n').slice(0, 15).join('\n')).toMatch(/^## Contents$/m);
  });
});
