import type { PortSpec } from '../../graph/index.js';
import type { NodeOutputs } from '../node-type.js';

/** The second name of a prompt: what nodes whose input is called `text` wire to. */
export const SAME_TEXT: PortSpec = { name: 'text', type: 'text', description: 'The same text, for nodes whose input is called text.' };

/**
 * The outputs of a node that offers one value under several port names, so that it wires straight
 * into inputs called any of them: the value on every port, so ports and outputs cannot drift apart.
 */
export function onEveryPort(ports: readonly PortSpec[], value: unknown): NodeOutputs {
  return Object.fromEntries(ports.map((port) => [port.name, value]));
}
