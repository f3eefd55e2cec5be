import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, runBuilt } from '../support/built-cli.js';

describe('built CLI: worker and serve --no-worker flags', () => {
  let home: string;
  beforeEach(async () => {
    assertFreshBuild();
    home = await mkdtemp(join(tmpdir(), 'pw-e2e-worker-flags-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('documents --concurrency and --no-worker in --help', async () => {
    expect((await runBuilt(['worker', '--help'])).stdout).toContain('--concurrency <n>');
    expect((await runBuilt(['serve', '--help'])).stdout).toContain('--no-worker');
  });

  it.each(['0', '-3', 'many', '2.5'])('refuses --concurrency %s with exit 2, before opening the store', async (value) => {
    const result = await runBuilt(['worker', '--concurrency', value], { PIPEWRIGHT_HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--concurrency must be a whole number');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a lease that is not a positive number of seconds, with exit 2', async () => {
    const result = await runBuilt(['worker'], { PIPEWRIGHT_HOME: home, PIPEWRIGHT_LEASE_SECONDS: 'soon' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PIPEWRIGHT_LEASE_SECONDS must be a number above 0');
  });
});
