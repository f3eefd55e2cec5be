import type { BenchGraph } from './graphs.js';
import type { Runner, RunOnce } from './runner.js';
import { workOf, type Work } from './work.js';

/**
 * The floor: the least a correct DAG runner can do in JavaScript. Each node awaits its parents'
 * promises, then runs; no states, events, timeouts or limits. Nothing can schedule for less.
 */
export const floorRunner: Runner = {
  name: 'floor',
  async prepare(graph: BenchGraph): Promise<RunOnce> {
    const parents = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
    for (const e of graph.edges) parents.get(e.target)!.push(e.source);
    const work = new Map<string, Work>(graph.nodes.map((n) => [n.id, workOf(n)]));

    return async () => {
      const running = new Map<string, Promise<void>>();
      const start = (id: string): Promise<void> => {
        let promise = running.get(id);
        if (!promise) {
          promise = Promise.all(parents.get(id)!.map(start)).then(() => work.get(id)!());
          running.set(id, promise);
        }
        return promise;
      };
      await Promise.all(graph.nodes.map((n) => start(n.id)));
    };
  },
};
