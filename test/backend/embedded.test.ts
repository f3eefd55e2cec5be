import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseBackend, createEmbeddedBackend } from '../../src/backend/index.js';
import { isPipewrightError } from '../../src/errors/index.js';
import { openStore } from '../../src/store/index.js';
import { echoGraph } from '../mcp/fixtures.js';
import { bundledTemplatesDir } from '../../src/skill/paths.js';
import { restLinks } from '../../src/api/index.js';

const homes: string[] = [];
const newHome = async () => {
  const home = await mkdtemp(join(tmpdir(), 'pipewright-embedded-'));
  homes.push(home);
  return home;
};
afterEach(async () => {
  for (const home of homes.splice(0)) await rm(home, { recursive: true, force: true });
});
const open = (home: string, apiKey?: string) =>
  createEmbeddedBackend({ home, links: restLinks('http://127.0.0.1:8787'), env: {}, templatesDir: bundledTemplatesDir(), ...(apiKey && { apiKey }) });

describe('createEmbeddedBackend', () => {
  it('creates the owner account on first start and acts as it with every scope', async () => {
    const home = await newHome();
    const backend = await open(home);
    const { workflow } = await backend.saveWorkflow({ workflow: { name: 'Mine', ...echoGraph } });
    const accepted = await backend.executeWorkflow(workflow.id, { dryRun: true });
    await expect.poll(async () => (await backend.pollExecution(accepted.executionId)).status).toBe('COMPLETED');
    expect((await backend.getUsage()).plan).toBe('pro');
    await backend.close();

    const store = await openStore({ home });
    expect(await store.accounts.count()).toBe(1);
    await store.close();
  });

  it('keeps one store across restarts and resumes on the same data', async () => {
    const home = await newHome();
    const first = await open(home);
    const { workflow } = await first.saveWorkflow({ workflow: { name: 'Kept', ...echoGraph } });
    await first.close();
    const second = await open(home);
    expect((await second.getWorkflow(workflow.id)).name).toBe('Kept');
    await second.close();
  });

  it('takes PIPEWRIGHT_API_KEY as the first admin key, as serve does', async () => {
    const home = await newHome();
    const key = `sk-${'a'.repeat(40)}`;
    await (await open(home, key)).close();
    const store = await openStore({ home });
    const account = await store.accounts.first();
    expect((await store.apiKeys.listByAccount(account!.id)).map((k) => k.prefix)).toEqual([expect.stringMatching(/^sk-a+/)]);
    await store.close();
  });

  it('reports a home it cannot open as a PipewrightError', async () => {
    const home = await newHome();
    const file = join(home, 'not-a-folder');
    await writeFile(file, 'x');
    const failure = await open(file).catch((error: unknown) => error);
    expect(isPipewrightError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'store_unavailable', kind: 'operational' });
  });

  it('closes once, however often it is asked', async () => {
    const backend = await open(await newHome());
    await Promise.all([backend.close(), backend.close()]);
  });
});

describe('chooseBackend', () => {
  const local = { home: '/h', links: restLinks('http://127.0.0.1:8787'), templatesDir: '/t' };

  it('is embedded by default and remote when both the URL and the key are set', () => {
    expect(chooseBackend({}, local)).toEqual({ kind: 'embedded', ...local });
    expect(chooseBackend({ PIPEWRIGHT_API_URL: 'https://pw.example', PIPEWRIGHT_API_KEY: 'sk-x' }, local)).toEqual({
      kind: 'remote',
      baseUrl: 'https://pw.example',
      apiKey: 'sk-x',
    });
  });

  it("keeps a key alone as the first start's admin key", () => {
    expect(chooseBackend({ PIPEWRIGHT_API_KEY: 'sk-x' }, local)).toEqual({ kind: 'embedded', ...local, apiKey: 'sk-x' });
  });

  it('refuses a URL without a key rather than quietly running locally', () => {
    expect(() => chooseBackend({ PIPEWRIGHT_API_URL: 'https://pw.example' }, local)).toThrow(/PIPEWRIGHT_API_KEY is not/);
  });
});
