import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalRuntime } from '../../src/backend/index.js';
import { loadTemplates } from '../../src/service/templates/index.js';
import { bundledTemplatesDir } from '../../src/skill/index.js';
import { runBuilt } from '../support/built-cli.js';
import { restLinks } from '../../src/api/index.js';

const bundled = await loadTemplates(bundledTemplatesDir());
let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-templates-cli-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** What a first `serve` leaves behind: a store with one account. */
async function bootstrap(at: string): Promise<void> {
  const runtime = await openLocalRuntime({ home: at, env: {}, mode: 'cli', settings: { links: restLinks('http://127.0.0.1:8787') } });
  try {
    await runtime.services.accounts.bootstrap({});
  } finally {
    await runtime.close();
  }
}

describe('pipewright templates import', () => {
  it('refuses a home with no account yet, saying how to create one', async () => {
    const result = await runBuilt(['templates', 'import'], { PIPEWRIGHT_HOME: join(home, 'empty') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pipewright serve/);
  });

  it('imports the bundled templates into the account under PIPEWRIGHT_HOME, then skips them', async () => {
    await bootstrap(home);
    const first = await runBuilt(['templates', 'import', '--json'], { PIPEWRIGHT_HOME: home });
    expect(first.code).toBe(0);
    const imported = JSON.parse(first.stdout) as { imported: Array<{ name: string; id: string }>; skipped: unknown[] };
    expect(imported.imported.map((t) => t.name).sort()).toEqual(bundled.map((t) => t.name).sort());
    expect(imported.imported.every((t) => t.id.startsWith('wf_'))).toBe(true);

    const again = await runBuilt(['templates', 'import'], { PIPEWRIGHT_HOME: home });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(new RegExp(`Imported 0 template\\(s\\); skipped ${bundled.length} already imported`));
  });
});
