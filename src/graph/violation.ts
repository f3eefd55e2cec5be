export const VIOLATION_RULES = [
  'invalid-schema',
  'empty-graph',
  'too-many-nodes',
  'too-many-edges',
  'duplicate-node-id',
  'duplicate-edge-id',
  'unknown-node-type',
  'dangling-edge',
  'bad-source-handle',
  'bad-target-handle',
  'type-mismatch',
  'multiple-edges-into-input',
  'cycle',
  'missing-required-input',
  'invalid-config',
  'config-too-large',
] as const;
export const WARNING_RULES = ['unused-node', 'no-output', 'deprecated-node-type'] as const;

export type ViolationRule = (typeof VIOLATION_RULES)[number];
export type WarningRule = (typeof WARNING_RULES)[number];

/** One problem; validation collects them all rather than stopping at the first. */
export interface Violation<Rule extends string = ViolationRule | WarningRule> {
  rule: Rule;
  message: string;
  /** A concrete suggestion: "did you mean `in-image`?". */
  fix?: string;
  nodeId?: string;
  edgeId?: string;
  /** Where in the request body, e.g. `["nodes", 2, "data", "config", "width"]`. */
  path?: (string | number)[];
}

/** A change the validator made to what was sent, e.g. a corrected `category`. */
export interface Migration {
  nodeId?: string;
  edgeId?: string;
  field: string;
  from: unknown;
  to: unknown;
  message: string;
}
