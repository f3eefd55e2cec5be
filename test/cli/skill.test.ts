import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillFiles } from '../../src/skill/index.js';
import { frontmatter } from '../skill/skill-docs.js';
import { runBuilt } from '../support/built-cli.js';

let dir: string;
const expected = await skillFiles();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-skill-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipewright skill', () => {
  it('install copies SKILL.md and skill/ into <dir>/pipewright/, replacing an older install', async () => {
    const skills = join(dir, 'skills');
    const target = join(skills, 'pipewright');
    expect((await runBuilt(['skill', 'install', '--dir', skills])).code).toBe(0);
    await writeFile(join(target, 'skill', 'references', 'dropped-in-a-later-version.md'), 'stale');
    const result = await runBuilt(['skill', 'install', '--dir', skills]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(target);
    const installed = (await readdir(target, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(target.length + 1)
          .split('\\')
          .join('/'),
      )
      .sort();
    expect(installed).toEqual(expected.map((file) => file.path));
    for (const file of expected) expect(await readFile(join(target, file.path)), file.path).toEqual(await readFile(file.absolute));
    expect(frontmatter(await readFile(join(target, 'SKILL.md'), 'utf8')).fields.name).toBe('pipewright');
  });

  it('pack writes a zip whose one root folder is pipewright/, holding exactly the skill files', async () => {
    const out = join(dir, 'pipewright.zip');
    const result = await runBuilt(['skill', 'pack', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(out);
    const entries = unzipSync(await readFile(out));
    expect(Object.keys(entries).sort()).toEqual(expected.map((file) => `pipewright/${file.path}`));
    for (const file of expected) expect(Buffer.from(entries[`pipewright/${file.path}`]!), file.path).toEqual(await readFile(file.absolute));
  });

  it('catalog prints the committed node catalog reference', async () => {
    const result = await runBuilt(['skill', 'catalog']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(new URL('../../skill/references/node-catalog.md', import.meta.url), 'utf8'));
  });
});
