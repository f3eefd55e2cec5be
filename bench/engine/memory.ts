import { Session } from 'node:inspector/promises';
import type { HeapProfiler } from 'node:inspector';
import { settledHeap } from './gc.js';
import type { RunOnce } from './runner.js';

export interface MemoryUse {
  /** Bytes allocated per run, garbage included, as V8's sampling heap profiler estimates them. */
  allocKbPerRun: number;
  /** Heap growth per run once garbage is collected: what the runner keeps between executions. */
  retainedKbPerRun: number;
}

function totalBytes(node: HeapProfiler.SamplingHeapProfileNode): number {
  return node.selfSize + node.children.reduce((sum, child) => sum + totalBytes(child), 0);
}

/**
 * Measured apart from timing, as the profiler slows runs down, and retention apart from the
 * profile, whose own bookkeeping would count as retained. Counting objects already collected
 * (the two `include…` flags, not yet in @types/node 20) makes the profile an allocation count
 * rather than a picture of what is still alive.
 */
export async function measureMemory(run: RunOnce, runs: number): Promise<MemoryUse> {
  const heapBefore = settledHeap();
  for (let i = 0; i < runs; i++) await run();
  const retainedKbPerRun = (settledHeap() - heapBefore) / 1024 / runs;

  const session = new Session();
  session.connect();
  const sampling = { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  try {
    await session.post('HeapProfiler.startSampling', sampling);
    for (let i = 0; i < runs; i++) await run();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    return { allocKbPerRun: totalBytes(profile.head) / 1024 / runs, retainedKbPerRun };
  } finally {
    session.disconnect();
  }
}
