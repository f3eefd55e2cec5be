import { percentile } from '../support/stats.js';
import type { McpEntry } from './entries.js';
import { connectMcp } from './session.js';

export interface StartupTiming {
  /** The first start on a new home: it also creates the store and the owner account. */
  firstStartMs: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

/** Spawn → handshake → `tools/list` answered, then a clean exit before the next spawn. */
async function timeOneStart(entry: McpEntry, home: string): Promise<number> {
  const start = performance.now();
  const session = await connectMcp(entry, home);
  try {
    const { tools } = await session.client.listTools();
    const elapsed = performance.now() - start;
    if (tools.length === 0) throw new Error(`${entry.name}: tools/list answered no tools`);
    return elapsed;
  } finally {
    await session.close();
  }
}

/**
 * Each entry's first start on its own new home, then `runs` rounds in which every entry starts
 * once on its now-existing home (the start a user sees each session), entries taking turns so
 * that a change of machine load falls on all of them.
 */
export async function timeStartups(entries: readonly McpEntry[], homes: readonly string[], runs: number): Promise<StartupTiming[]> {
  const first: number[] = [];
  for (const [i, entry] of entries.entries()) first.push(await timeOneStart(entry, homes[i]!));
  const times = entries.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, entry] of entries.entries()) times[i]!.push(await timeOneStart(entry, homes[i]!));
  }
  return times.map((t, i) => ({
    firstStartMs: first[i]!,
    runs,
    medianMs: percentile(t, 0.5),
    p95Ms: percentile(t, 0.95),
    minMs: Math.min(...t),
  }));
}
