/**
 * The workflows the benches run, in pipewright's React Flow format. Offline: no provider, no
 * key, no credits, so a figure measures pipewright and not a model.
 */

interface Step {
  id: string;
  nodeType: string;
  config: Record<string, unknown>;
}

interface Wire {
  from: string;
  output: string;
  to: string;
  input: string;
}

export interface BenchWorkflow {
  name: string;
  nodes: Array<{ id: string; type: 'basedNode'; position: { x: number; y: number }; data: { nodeType: string; config: Record<string, unknown> } }>;
  edges: Array<{ id: string; source: string; target: string; sourceHandle: string; targetHandle: string }>;
}

function workflow(name: string, steps: readonly Step[], wires: readonly Wire[]): BenchWorkflow {
  return {
    name,
    nodes: steps.map(({ id, nodeType, config }, i) => ({ id, type: 'basedNode', position: { x: i * 250, y: 0 }, data: { nodeType, config } })),
    edges: wires.map(({ from, output, to, input }) => ({
      id: `${from}-${to}`,
      source: from,
      target: to,
      sourceHandle: `out-${output}`,
      targetHandle: `in-${input}`,
    })),
  };
}

/** The input node of both workflows: run inputs are `{ [INPUT_NODE]: text }`. */
export const INPUT_NODE = 'topic';

/** input:text → prompt_template → text_split → prompt_concat → output:result, all in memory. */
export const OFFLINE_PIPELINE = workflow(
  'bench: offline pipeline',
  [
    { id: INPUT_NODE, nodeType: 'input:text', config: { prompt: 'teapots' } },
    { id: 'template', nodeType: 'utility:prompt_template', config: { template: 'red {{topic}}\nblue {{topic}}\ngreen {{topic}}' } },
    { id: 'split', nodeType: 'utility:text_split', config: {} },
    { id: 'join', nodeType: 'utility:prompt_concat', config: { separator: ', ' } },
    { id: 'result', nodeType: 'output:result', config: { name: 'line' } },
  ],
  [
    { from: INPUT_NODE, output: 'text', to: 'template', input: 'topic' },
    { from: 'template', output: 'text', to: 'split', input: 'text' },
    { from: 'split', output: 'items', to: 'join', input: 'parts' },
    { from: 'join', output: 'prompt', to: 'result', input: 'value' },
  ],
);

/** input:text (a URL) → http_request → output:result: as slow as the server at that URL. */
export const HTTP_WAIT = workflow(
  'bench: wait on a URL',
  [
    { id: INPUT_NODE, nodeType: 'input:text', config: { prompt: 'http://127.0.0.1:9/' } },
    { id: 'fetch', nodeType: 'utility:http_request', config: { responseType: 'text' } },
    { id: 'result', nodeType: 'output:result', config: { name: 'status' } },
  ],
  [
    { from: INPUT_NODE, output: 'text', to: 'fetch', input: 'url' },
    { from: 'fetch', output: 'status', to: 'result', input: 'value' },
  ],
);
