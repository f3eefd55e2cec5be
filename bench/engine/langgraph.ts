import { setMaxListeners } from 'node:events';
import { Annotation, END, START, StateGraph, type LangGraphRunnableConfig } from '@langchain/langgraph';
import type { BenchGraph } from './graphs.js';
import type { Runner, RunOnce } from './runner.js';
import { workOf } from './work.js';

/** Each node adds 1, so the final state also says how many node runs happened. */
const State = Annotation.Root({
  ran: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
});

/** Node names are only known at run time, so the builder is typed for any string name. */
type Builder = StateGraph<typeof State, typeof State.State, typeof State.Update, string>;

/**
 * The same graph on LangGraph.js: one graph node per DAG node, a barrier edge
 * (`addEdge([...parents], node)`) wherever a node has several parents so it waits for all of
 * them, START into every root and every sink into END.
 */
export const langGraphRunner: Runner = {
  name: 'langgraph',
  async prepare(graph: BenchGraph): Promise<RunOnce> {
    const parents = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
    const hasChildren = new Set<string>();
    for (const e of graph.edges) {
      parents.get(e.target)!.push(e.source);
      hasChildren.add(e.source);
    }
    const runs = new Map<string, number>();
    const builder: Builder = new StateGraph(State);
    for (const n of graph.nodes) {
      const work = workOf(n);
      builder.addNode(n.id, async (_state: typeof State.State, config: LangGraphRunnableConfig) => {
        runs.set(n.id, (runs.get(n.id) ?? 0) + 1);
        // Every task of a superstep shares one signal; a wide fan-out listening on it would
        // otherwise trip Node's listener-leak warning.
        if (config.signal) setMaxListeners(0, config.signal);
        await work(config.signal);
        return { ran: 1 };
      });
    }
    for (const n of graph.nodes) {
      const from = parents.get(n.id)!;
      if (from.length === 0) builder.addEdge(START, n.id);
      else if (from.length === 1) builder.addEdge(from[0]!, n.id);
      else builder.addEdge(from, n.id);
      if (!hasChildren.has(n.id)) builder.addEdge(n.id, END);
    }
    const app = builder.compile();
    // One superstep per level of the longest path; the default limit (25) is far too low.
    const recursionLimit = graph.nodes.length + 10;

    let warned = false;
    return async () => {
      runs.clear();
      const final = await app.invoke({}, { recursionLimit });
      if (!warned) warned = warnUnlessEachRanOnce(graph, runs, final.ran);
    };
  },
};

/** A run that skipped or repeated nodes is a meaningless comparison, so say so; true if it did. */
function warnUnlessEachRanOnce(graph: BenchGraph, runs: ReadonlyMap<string, number>, ran: number): boolean {
  const wrong = graph.nodes.filter((n) => runs.get(n.id) !== 1).map((n) => `${n.id}×${runs.get(n.id) ?? 0}`);
  if (wrong.length === 0 && ran === graph.nodes.length) return false;
  console.warn(`warning: langgraph did not run each node exactly once (state.ran=${ran}; ${wrong.slice(0, 10).join(', ')})`);
  return true;
}
