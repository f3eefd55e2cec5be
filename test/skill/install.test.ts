import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installSkill, MANIFEST_FILE } from '../../src/skill/index.js';
import { folderSnapshot } from './folder-snapshot.js';

let dir: string;
let target: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-skill-install-'));
  target = join(dir, 'skills', 'pipewright');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function writeManifest(manifest: unknown): Promise<void> {
  await mkdir(target, { recursive: true });
  await writeFile(join(target, MANIFEST_FILE), JSON.stringify(manifest));
}

describe('installSkill', () => {
  it('installs into an existing empty folder', async () => {
    await mkdir(target, { recursive: true });
    const { files, removed } = await installSkill({ dir: join(dir, 'skills') });
    expect(files).toContain('SKILL.md');
    expect(removed).toEqual([]);
    expect(existsSync(join(target, MANIFEST_FILE))).toBe(true);
  });

  it('removes the folders its stale files leave empty, and only those', async () => {
    await writeManifest({ name: 'pipewright', version: '0.0.1', files: ['skill/gone/a.md', 'skill/gone/b.md', 'skill/kept/c.md'] });
    for (const path of ['skill/gone/a.md', 'skill/gone/b.md', 'skill/kept/c.md', 'skill/kept/users.md']) {
      await mkdir(join(target, path, '..'), { recursive: true });
      await writeFile(join(target, path), path);
    }
    const { removed } = await installSkill({ dir: join(dir, 'skills') });
    expect(removed).toEqual(['skill/gone/a.md', 'skill/gone/b.md', 'skill/kept/c.md']);
    expect(existsSync(join(target, 'skill', 'gone'))).toBe(false);
    expect(await readFile(join(target, 'skill', 'kept', 'users.md'), 'utf8')).toBe('skill/kept/users.md');
  });

  it('leaves a folder of the user’s that stands where a stale file of its own was', async () => {
    await writeManifest({ name: 'pipewright', version: '0.0.1', files: ['skill/notes'] });
    await mkdir(join(target, 'skill', 'notes'), { recursive: true });
    await writeFile(join(target, 'skill', 'notes', 'mine.md'), 'mine');
    await installSkill({ dir: join(dir, 'skills') });
    expect(await readFile(join(target, 'skill', 'notes', 'mine.md'), 'utf8')).toBe('mine');
  });

  it.each([
    ['names a path outside the folder', { name: 'pipewright', version: '1', files: ['../outside.txt'] }],
    ['names a file under .git', { name: 'pipewright', version: '1', files: ['.git/HEAD'] }],
    ['is another tool’s', { name: 'other-skill', version: '1', files: [] }],
  ])('treats a folder whose manifest %s as foreign: refused, and with --force nothing it lists is removed', async (_case, manifest) => {
    await writeManifest(manifest);
    await writeFile(join(dir, 'skills', 'outside.txt'), 'keep');
    await mkdir(join(target, '.git'), { recursive: true });
    await writeFile(join(target, '.git', 'HEAD'), 'keep');
    const before = await folderSnapshot(dir);

    await expect(installSkill({ dir: join(dir, 'skills') })).rejects.toMatchObject({ code: 'invalid_option', message: expect.stringContaining('--force') });
    expect(await folderSnapshot(dir)).toEqual(before);

    await installSkill({ dir: join(dir, 'skills'), force: true });
    expect(await readFile(join(dir, 'skills', 'outside.txt'), 'utf8')).toBe('keep');
    expect(await readFile(join(target, '.git', 'HEAD'), 'utf8')).toBe('keep');
  });

  it('refuses a file where the folder should be, even with --force', async () => {
    await mkdir(join(dir, 'skills'), { recursive: true });
    await writeFile(target, 'a file');
    await expect(installSkill({ dir: join(dir, 'skills'), force: true })).rejects.toMatchObject({ code: 'invalid_option' });
    expect(await readFile(target, 'utf8')).toBe('a file');
  });
});
