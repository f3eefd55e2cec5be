// Workflows the execution suites run. All offline: utility nodes, and `llm:gpt_4o_mini` (1 credit
// a run) answered by the loopback fake in ./fake-llm.ts.

type Config = Record<string, unknown>;

export function node(id: string, nodeType: string, config: Config = {}, label?: string) {
  return { id, type: 'basedNode', position: { x: 0, y: 0 }, data: { nodeType, config, ...(label !== undefined && { label }) } };
}

export function edge(source: string, sourceHandle: string, target: string, targetHandle: string) {
  return { id: `${source}-${target}-${targetHandle}`, source, target, sourceHandle: `out-${sourceHandle}`, targetHandle: `in-${targetHandle}` };
}

/** name (input:text, label "Name") → greeting template → result "greeting". Free and instant. */
export function greetingFlow(name = 'Greeting') {
  return {
    name,
    nodes: [
      node('name', 'input:text', { prompt: 'world' }, 'Name'),
      node('greet', 'utility:prompt_template', { template: 'Hello {{who}}' }),
      node('out', 'output:result', { name: 'greeting' }),
    ],
    edges: [edge('name', 'text', 'greet', 'who'), edge('greet', 'prompt', 'out', 'value')],
  };
}

/** seed → llm1 → … → llmN → result "text": each LLM call waits on the fake, one at a time. */
export function llmChain(length: number, seed = 'seed') {
  const ids = Array.from({ length }, (_, i) => `llm${i + 1}`);
  return {
    name: `LLM chain of ${length}`,
    nodes: [
      node('seed', 'input:text', { prompt: seed }, 'Seed'),
      ...ids.map((id) => node(id, 'llm:gpt_4o_mini')),
      node('out', 'output:result', { name: 'text' }),
    ],
    edges: [
      edge('seed', 'text', ids[0]!, 'prompt'),
      ...ids.slice(1).map((id, i) => edge(ids[i]!, 'text', id, 'prompt')),
      edge(ids.at(-1)!, 'text', 'out', 'value'),
    ],
  };
}
