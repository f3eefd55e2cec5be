/** A node in the React Flow shape the contract takes. */
export function node(id: string, nodeType: string, config: Record<string, unknown> = {}) {
  return { id, type: 'basedNode', position: { x: 0, y: 0 }, data: { nodeType, label: id, config } };
}

export function edge(source: string, sourcePort: string, target: string, targetPort: string) {
  return { id: `${source}-${target}`, source, target, sourceHandle: `out-${sourcePort}`, targetHandle: `in-${targetPort}` };
}

/** Offline: text in, the same text out. */
export const echoGraph = {
  nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('result', 'output:result')],
  edges: [edge('prompt', 'prompt', 'result', 'value')],
};

/** A model node: costs credits for real, runs offline as a dry run (placeholder image artifact). */
export const imageGraph = {
  nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('image', 'generate:flux_2'), node('result', 'output:result')],
  edges: [edge('prompt', 'prompt', 'image', 'prompt'), edge('image', 'image', 'result', 'value')],
};

/** Calls `url` (a loopback test server that answers slowly), so the run lasts as long as the test wants. */
export function slowGraph(url: string) {
  return {
    nodes: [node('prompt', 'input:text', { prompt: url }), node('fetch', 'utility:http_request'), node('result', 'output:result')],
    edges: [edge('prompt', 'prompt', 'fetch', 'url'), edge('fetch', 'status', 'result', 'value')],
  };
}
