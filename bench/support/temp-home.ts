import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Defer } from './scope.js';

/** A fresh PIPEWRIGHT_HOME under the OS temp dir, removed when the scope ends. */
export async function tempHome(defer: Defer, label: string): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), `pipewright-bench-${label}-`));
  defer(() => rm(home, { recursive: true, force: true }));
  return home;
}
