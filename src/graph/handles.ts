import type { NodePorts, PortSpec } from './spec.js';

export type Side = 'source' | 'target';

interface SideInfo {
  prefix: 'out-' | 'in-';
  /** The edge field that holds this side's handle. */
  field: 'sourceHandle' | 'targetHandle';
  /** How messages name a port on this side. */
  noun: 'output' | 'input';
  ports(ports: NodePorts): readonly PortSpec[];
}

export const SIDES: Readonly<Record<Side, SideInfo>> = {
  source: { prefix: 'out-', field: 'sourceHandle', noun: 'output', ports: (p) => p.outputs },
  target: { prefix: 'in-', field: 'targetHandle', noun: 'input', ports: (p) => p.inputs },
};

export function handleFor(side: Side, port: string): string {
  return `${SIDES[side].prefix}${port}`;
}

/** The port part of a handle as a client may have written it: `in-image`, `out-image` or `image`. */
export function portPartOf(handle: string): string {
  return handle.replace(/^(?:in|out)-/, '');
}
