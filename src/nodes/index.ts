export { createBuiltinRegistry } from './builtin.js';
export { NodeRegistry } from './registry.js';
export { defineNodeType } from './node-type.js';
export type { NodeType, NodeContext, NodeOutputs } from './node-type.js';
