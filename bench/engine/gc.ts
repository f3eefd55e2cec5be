import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `npm run bench` cannot pass --expose-gc to tsx, so the flag is set at run time. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const collect = exposeGc();

/** Collects all garbage (twice: the first pass may leave some) and returns the heap still in use. */
export function settledHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
