/** The graph JSON every runner takes: pipewright's React Flow format, so all three run the same input. */
export interface BenchNode {
  id: string;
  type: 'basedNode';
  position: { x: number; y: number };
  data: { nodeType: string; config: Record<string, unknown> };
}

export interface BenchEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle: 'out-out';
  targetHandle: 'in-in';
}

export interface BenchGraph {
  nodes: BenchNode[];
  edges: BenchEdge[];
}

/** mulberry32: a tiny seeded PRNG, so every run (and every machine) benches the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function node(id: string, nodeType: string, x: number, y: number): BenchNode {
  return { id, type: 'basedNode', position: { x, y }, data: { nodeType, config: {} } };
}

function edge(index: number, source: string, target: string): BenchEdge {
  return { id: `e${String(index).padStart(4, '0')}`, source, target, sourceHandle: 'out-out', targetHandle: 'in-in' };
}

/** Zero-padded so that sorting ids (the engine's tie-break) agrees with the index order. */
const nodeId = (prefix: string, index: number): string => `${prefix}${String(index).padStart(3, '0')}`;

export interface RandomDagOptions {
  nodes: number;
  edges: number;
  seed: number;
  nodeType: string;
}

/** Edges only run from a lower to a higher index, so the graph is acyclic by construction. */
export function randomDag({ nodes, edges, seed, nodeType }: RandomDagOptions): BenchGraph {
  const maxEdges = (nodes * (nodes - 1)) / 2;
  if (edges > maxEdges) throw new RangeError(`a DAG of ${nodes} nodes has at most ${maxEdges} edges, asked for ${edges}`);
  const random = prng(seed);
  const ids = Array.from({ length: nodes }, (_, i) => nodeId('n', i));
  const seen = new Set<string>();
  const graph: BenchGraph = { nodes: ids.map((id, i) => node(id, nodeType, (i % 10) * 220, Math.floor(i / 10) * 140)), edges: [] };
  while (graph.edges.length < edges) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}>${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    graph.edges.push(edge(graph.edges.length, ids[from]!, ids[to]!));
  }
  return graph;
}

export interface FanOutOptions {
  width: number;
  /** Type of the `width` parallel nodes; the source and the sink are `edgeType`. */
  workerType: string;
  edgeType: string;
}

/** source → `width` parallel workers → sink; the sink's list port collects all of them. */
export function fanOut({ width, workerType, edgeType }: FanOutOptions): BenchGraph {
  const workers = Array.from({ length: width }, (_, i) => node(nodeId('w', i), workerType, 300, i * 140));
  const source = node('source', edgeType, 0, (width * 140) / 2);
  const sink = node('sink', edgeType, 600, (width * 140) / 2);
  const edges = workers.flatMap((w, i) => [edge(2 * i, source.id, w.id), edge(2 * i + 1, w.id, sink.id)]);
  return { nodes: [source, ...workers, sink], edges };
}
