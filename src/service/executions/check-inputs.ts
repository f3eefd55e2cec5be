import { PipewrightError } from '../../errors/index.js';
import { checkRunRequest } from '../../engine/index.js';
import type { CompiledGraph, PortType } from '../../graph/index.js';
import { asBoolean, asNumber } from '../../nodes/index.js';

/**
 * Refuses, before anything is recorded, inputs the run could only fail on: an input for a node
 * that does not exist or is not an input (the engine's own check), an unknown targetNodeId, and a
 * value that cannot be read as the type the input node hands on (a "twelve" for input:number).
 */
export function checkInputs(graph: CompiledGraph, inputs: Record<string, unknown>, targetNodeId?: string): void {
  checkRunRequest({ graph, inputs, ...(targetNodeId === undefined ? {} : { targetNodeId }) });
  for (const [nodeId, value] of Object.entries(inputs)) {
    const node = graph.byId.get(nodeId)!;
    const type = node.outputs[0]?.type ?? 'any';
    if (fits(type, value)) continue;
    throw new PipewrightError('invalid_input', `The input for node "${nodeId}" (${node.nodeType}) must be ${describe(type)}, got ${preview(value)}`, {
      details: { nodeId, expected: type },
    });
  }
}

function fits(type: PortType, value: unknown): boolean {
  switch (type) {
    case 'number':
      return asNumber(value) !== undefined;
    case 'boolean':
      return asBoolean(value) !== undefined;
    case 'text':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'image':
    case 'video':
    case 'audio':
      return typeof value === 'string' && value.trim() !== '';
    default:
      return value !== undefined;
  }
}

function describe(type: PortType): string {
  if (type === 'number') return 'a number (or numeric text)';
  if (type === 'boolean') return 'true or false';
  if (type === 'text') return 'text';
  return type === 'image' ? 'an image URL' : `a URL of ${type}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
