import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, skillFiles } from '../../src/skill/index.js';
import { folderSnapshot } from '../skill/folder-snapshot.js';
import { frontmatter } from '../skill/skill-docs.js';
import { runBuilt } from '../support/built-cli.js';

let dir: string;
const expected = await skillFiles();
const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-skill-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A folder holding a git repository and a file of the user's, as a skills folder someone keeps in git might. */
async function foreignFolder(target: string): Promise<Record<string, string>> {
  const files = { '.git/HEAD': 'ref: refs/heads/main\n', '.git/config': '[core]\n', 'notes.md': 'mine\n', 'skill/mine.md': 'also mine\n' };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(target, path)), { recursive: true });
    await writeFile(join(target, path), text);
  }
  return files;
}

/** The skill's files with their content, as an install should leave them. */
async function skillContents(): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(expected.map(async (file) => [file.path, await readFile(file.absolute, 'utf8')] as const)));
}

async function manifestOf(target: string): Promise<unknown> {
  return JSON.parse(await readFile(join(target, MANIFEST_FILE), 'utf8'));
}

describe('pipewright skill install', () => {
  it('copies SKILL.md and skill/ into <dir>/pipewright/ with a manifest listing them', async () => {
    const target = join(dir, 'fresh', 'pipewright');
    const result = await runBuilt(['skill', 'install', '--dir', join(dir, 'fresh')]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(target);
    const { [MANIFEST_FILE]: manifest, ...installed } = await folderSnapshot(target);
    expect(installed).toEqual(await skillContents());
    expect(JSON.parse(manifest!)).toEqual({ name: 'pipewright', version: pkg.version, files: expected.map((file) => file.path) });
    expect(frontmatter(installed['SKILL.md']!).fields.name).toBe('pipewright');
  });

  it('installs into ~/.claude/skills/pipewright/ when no --dir is given', async () => {
    const home = join(dir, 'home');
    const result = await runBuilt(['skill', 'install'], { HOME: home, USERPROFILE: home });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(join(home, '.claude', 'skills', 'pipewright'));
  });

  it("updates an earlier install in place: removes the files it wrote and no longer ships, keeps the user's", async () => {
    const skills = join(dir, 'update');
    const target = join(skills, 'pipewright');
    expect((await runBuilt(['skill', 'install', '--dir', skills])).code).toBe(0);
    // As an older version would have left it: one more reference of its own, listed in its manifest.
    const stale = 'skill/references/dropped-in-a-later-version.md';
    await writeFile(join(target, stale), 'stale');
    const older = (await manifestOf(target)) as { files: string[] };
    await writeFile(join(target, MANIFEST_FILE), JSON.stringify({ ...older, version: '0.0.1', files: [...older.files, stale] }));
    await writeFile(join(target, 'SKILL.md'), 'an older SKILL.md');
    const users = await foreignFolder(target);

    const result = await runBuilt(['skill', 'install', '--dir', skills]);
    expect(result.code).toBe(0);
    const { [MANIFEST_FILE]: manifest, ...after } = await folderSnapshot(target);
    expect(after).toEqual({ ...(await skillContents()), ...users });
    expect(JSON.parse(manifest!)).toMatchObject({ version: pkg.version, files: expected.map((file) => file.path) });
    expect(result.stderr).toMatch(/removed 1 left by an earlier version/);
  });

  it('refuses a folder holding files it did not write (.git, a user file), names --force and touches nothing', async () => {
    const skills = join(dir, 'foreign');
    const target = join(skills, 'pipewright');
    await foreignFolder(target);
    const before = await folderSnapshot(target);

    const result = await runBuilt(['skill', 'install', '--dir', skills]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--force');
    expect(result.stderr).toContain(target);
    expect(await folderSnapshot(target)).toEqual(before);
  });

  it('with --force writes its files into a foreign folder and keeps .git and every other file', async () => {
    const skills = join(dir, 'forced');
    const target = join(skills, 'pipewright');
    const users = await foreignFolder(target);

    const result = await runBuilt(['skill', 'install', '--dir', skills, '--force']);
    expect(result.code).toBe(0);
    const { [MANIFEST_FILE]: manifest, ...after } = await folderSnapshot(target);
    expect(after).toEqual({ ...(await skillContents()), ...users });
    // The manifest claims only what it wrote, so a later install may remove those and never the user's.
    expect(JSON.parse(manifest!)).toMatchObject({ files: expected.map((file) => file.path) });
  });
});

describe('pipewright skill', () => {
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
