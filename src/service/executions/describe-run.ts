import { compileOrThrow, type CompiledNode, type PortType } from '../../graph/index.js';
import type { RunDescription } from '../execution-contracts.js';
import type { Principal } from '../principal.js';
import { loadWorkflow } from '../workflows/deps.js';
import type { ExecutionDeps } from './deps.js';

const EXAMPLES: Partial<Record<PortType, unknown>> = {
  text: 'a red sneaker on white marble',
  number: 1,
  boolean: true,
  image: 'https://example.com/photo.png',
  json: {},
};

/** `GET /workflows/{id}/run`: what a headless run takes, one entry per input node. */
export async function describeRun(deps: ExecutionDeps, principal: Principal, workflowId: string): Promise<RunDescription> {
  const workflow = await loadWorkflow({ ...deps, catalog: deps.registry }, principal.accountId, workflowId);
  const graph = compileOrThrow(workflow, deps.registry);
  const inputs = graph.nodes.filter((node) => node.spec.inputKey !== undefined).map((node) => describeInput(node, configOf(graph.source.nodes, node.id)));
  return {
    workflowId: workflow.id,
    workflowName: workflow.name,
    inputs,
    endpoint: `${deps.links.workflow(workflow.id)}/run`,
    method: 'POST',
    example: { inputs: Object.fromEntries(inputs.map((input) => [input.nodeId, input.default ?? EXAMPLES[input.type as PortType] ?? null])) },
  };
}

/** Required means nothing is configured, so the run must bring a value; an empty text counts as nothing. */
function describeInput(node: CompiledNode, config: Record<string, unknown>): RunDescription['inputs'][number] {
  const configured = config[node.spec.inputKey!];
  const missing = configured === undefined || configured === '';
  return { nodeId: node.id, label: node.label, type: node.outputs[0]?.type ?? 'any', required: missing, default: missing ? null : configured };
}

function configOf(nodes: readonly unknown[], nodeId: string): Record<string, unknown> {
  const node = nodes.find((candidate) => (candidate as { id?: unknown }).id === nodeId) as { data?: { config?: Record<string, unknown> } } | undefined;
  return node?.data?.config ?? {};
}
