// The graph layer's public surface: pure schema, validation and ordering, no I/O.

export {
  BASE_PORT_TYPES,
  PORT_NAME_PATTERN,
  isListType,
  itemType,
  connection,
  itemCompatible,
  valueSchemaFor,
} from './ports.js';
export type { BasePortType, ListPortType, PortType, Connection } from './ports.js';

export {
  PositionSchema,
  NodeDataSchema,
  WorkflowNodeSchema,
  WorkflowEdgeSchema,
  GraphSchema,
  WorkflowSchema,
} from './schema.js';
export type { WorkflowNode, WorkflowEdge, Graph, Workflow } from './schema.js';

export { NODE_CATEGORIES, FAMILY_CATEGORY } from './spec.js';
export type { NodeCategory, PortSpec, NodePorts, NodeSpec, NodeCatalog } from './spec.js';

export { GRAPH_LIMITS } from './limits.js';
export { CommonConfigSchema, COMMON_CONFIG_KEYS } from './common-config.js';
export type { CommonConfig } from './common-config.js';

export { VIOLATION_RULES, WARNING_RULES } from './violation.js';
export type { ViolationRule, WarningRule, Violation, Migration } from './violation.js';

export type { CompiledNode, CompiledEdge, CompiledGraph } from './compiled.js';

export { validateGraph } from './validate.js';
export type { ValidationResult } from './validate.js';
export { compileOrThrow } from './compile-or-throw.js';
export { topologicalOrder, findCycle, compareIds } from './topo.js';
export type { Arc } from './topo.js';
export { effectivePorts } from './effective-ports.js';
export { handleFor } from './handles.js';
export { closestMatch } from './suggest.js';
export { dict, ownValue, jsonObject } from './user-keys.js';
export { openObject } from './open-object.js';
export { illFormedTextAt, formatTextPath } from './well-formed-text.js';
