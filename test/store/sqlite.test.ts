import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { describeStore } from './conformance.js';

const homes: string[] = [];
async function tempHome(): Promise<string> {
  const home = join(await mkdtemp(join(tmpdir(), 'pw-store-')), 'nested', 'home');
  homes.push(home);
  return home;
}
afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(join(home, '..', '..'), { recursive: true, force: true })));
});

describeStore('SQLite', async ({ now }) => {
  const home = await tempHome();
  return { store: await openStore({ home, now }), reopen: () => openStore({ home, now }) };
});

describe('openStore (SQLite)', () => {
  it('creates the home folder and pipewright.db in WAL mode', async () => {
    const home = await tempHome();
    const store = await openStore({ home });
    try {
      expect((await stat(join(home, 'pipewright.db'))).isFile()).toBe(true);
      expect((await stat(join(home, 'pipewright.db-wal'))).isFile()).toBe(true);
    } finally {
      await store.close();
    }
  });
});
