import type { NodePorts, NodeSpec } from './spec.js';

/**
 * A node's ports as its settings make them (`portsFor`), else the type's static ports.
 * `portsFor` sees the config as sent, before validation, so a throw there means the config is
 * unusable rather than that validation should fail: the static ports stand in and the config
 * problem itself is reported by `invalid-config`.
 */
export function effectivePorts(spec: NodeSpec, config: Record<string, unknown>): NodePorts {
  if (!spec.portsFor) return { inputs: spec.inputs, outputs: spec.outputs };
  try {
    return spec.portsFor(config);
  } catch {
    return { inputs: spec.inputs, outputs: spec.outputs };
  }
}
