import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

type Cleanup = () => Promise<unknown>;

/**
 * A fixture built before each test in a fresh temp home. `build` registers what it opens; after
 * the test those cleanups run newest first, and the home is removed last.
 */
export function useTempHome<T>(name: string, prefix: string, build: (home: string, onCleanup: (cleanup: Cleanup) => void) => Promise<T>): () => T {
  let fixture: { value: T } | undefined;
  const cleanups: Cleanup[] = [];
  beforeEach(async () => {
    const home = await mkdtemp(join(tmpdir(), prefix));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    fixture = { value: await build(home, (cleanup) => cleanups.push(cleanup)) };
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    fixture = undefined;
  });
  return () => {
    if (!fixture) throw new Error(`${name}() is read inside a test`);
    return fixture.value;
  };
}
