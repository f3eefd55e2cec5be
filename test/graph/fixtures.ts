import { z } from 'zod';
import { validateGraph, type NodeCatalog, type NodePorts, type NodeSpec, type PortSpec } from '../../src/graph/index.js';

/** A small catalog of its own: the real node types are written elsewhere and may change. */

const port = (name: string, type: PortSpec['type'], required = false): PortSpec => ({ name, type, required });
const none = z.strictObject({});

function spec(nodeType: string, category: NodeSpec['category'], ports: Partial<NodePorts>, extra: Partial<NodeSpec> = {}): NodeSpec {
  return {
    nodeType,
    label: nodeType,
    category,
    description: `test ${nodeType}`,
    inputs: ports.inputs ?? [],
    outputs: ports.outputs ?? [],
    config: none,
    ...extra,
  };
}

/** `{{name}}` placeholders of `config.template` become required text inputs. */
function templatePorts(config: Record<string, unknown>): NodePorts {
  const template = typeof config.template === 'string' ? config.template : '';
  const names = [...new Set([...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] as string))];
  return { inputs: names.map((name) => port(name, 'text', true)), outputs: [port('text', 'text')] };
}

export const SPECS: readonly NodeSpec[] = [
  spec(
    'input:text',
    'input',
    { outputs: [port('text', 'text')] },
    {
      config: z.strictObject({ value: z.string().default('') }),
      inputKey: 'value',
    },
  ),
  spec(
    'input:image',
    'input',
    { outputs: [port('image', 'image')] },
    {
      config: z.strictObject({ url: z.string().optional() }),
      inputKey: 'url',
    },
  ),
  spec('input:images', 'input', { outputs: [port('images', 'image[]')] }),
  spec(
    'generate:image',
    'model',
    {
      inputs: [port('prompt', 'text', true), port('image', 'image')],
      outputs: [port('image', 'image')],
    },
    {
      config: z.strictObject({
        aspect_ratio: z.enum(['1:1', '16:9']).default('1:1'),
        steps: z.number().int().min(1).max(50).default(20),
      }),
    },
  ),
  spec(
    'generate:old_image',
    'model',
    { inputs: [port('prompt', 'text', true)], outputs: [port('image', 'image')] },
    {
      deprecated: { replacedBy: 'generate:image', message: 'the provider retired this model' },
    },
  ),
  spec(
    'utility:upscale',
    'utility',
    { inputs: [port('image', 'image', true)], outputs: [port('image', 'image')] },
    {
      config: z.strictObject({ scale: z.number().min(1).max(4).default(2) }),
    },
  ),
  spec('utility:grid', 'utility', { inputs: [port('images', 'image[]', true)], outputs: [port('image', 'image')] }),
  spec('utility:count', 'utility', { inputs: [port('items', 'any[]')], outputs: [port('count', 'number')] }),
  spec(
    'utility:template',
    'utility',
    { outputs: [port('text', 'text')] },
    {
      config: z.strictObject({ template: z.string() }),
      portsFor: templatePorts,
    },
  ),
  spec('llm:chat', 'model', { inputs: [port('prompt', 'text', true), port('system', 'text')], outputs: [port('text', 'text')] }),
  spec('output:image', 'output', { inputs: [port('image', 'image', true)] }),
  spec('output:gallery', 'output', { inputs: [port('images', 'image[]', true)] }),
  spec('output:text', 'output', { inputs: [port('text', 'text', true)] }),
];

export function catalogOf(specs: readonly NodeSpec[] = SPECS): NodeCatalog {
  const byType = new Map(specs.map((s) => [s.nodeType, s]));
  return { get: (nodeType) => byType.get(nodeType), list: () => specs };
}

export const catalog = catalogOf();

interface NodeInput {
  id: string;
  nodeType: string;
  config?: Record<string, unknown>;
  category?: string;
  label?: string;
}

export function node({ id, nodeType, config, category, label }: NodeInput) {
  return {
    id,
    type: 'basedNode',
    position: { x: 0, y: 0 },
    data: { nodeType, ...(config && { config }), ...(category && { category }), ...(label && { label }) },
  };
}

export function edge(source: string, sourcePort: string | null, target: string, targetPort: string | null, id?: string) {
  return {
    ...(id !== undefined && { id }),
    source,
    target,
    sourceHandle: sourcePort === null ? null : `out-${sourcePort}`,
    targetHandle: targetPort === null ? null : `in-${targetPort}`,
  };
}

/** prompt → img → up → out: valid, every rule quiet. */
export function pipeline() {
  return {
    nodes: [
      node({ id: 'prompt', nodeType: 'input:text', config: { value: 'a red sneaker' } }),
      node({ id: 'img', nodeType: 'generate:image', config: { aspect_ratio: '16:9' } }),
      node({ id: 'up', nodeType: 'utility:upscale' }),
      node({ id: 'out', nodeType: 'output:image' }),
    ],
    edges: [edge('prompt', 'text', 'img', 'prompt', 'e1'), edge('img', 'image', 'up', 'image', 'e2'), edge('up', 'image', 'out', 'image', 'e3')],
  };
}

export function check(graph: unknown) {
  return validateGraph(graph, catalog);
}

/** The violations and warnings of one rule, for tests that look at a single rule. */
export function reported(graph: unknown, rule: string) {
  const result = check(graph);
  return [...result.violations, ...result.warnings].filter((v) => v.rule === rule);
}
