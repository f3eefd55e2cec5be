import type { Check } from '../context.js';
import type { WarningRule } from '../violation.js';
import { checkEmptyGraph } from './empty-graph.js';
import { checkDuplicateIds } from './duplicate-ids.js';
import { checkUnknownNodeTypes } from './unknown-node-type.js';
import { checkDanglingEdges } from './dangling-edge.js';
import { checkHandles } from './bad-handle.js';
import { checkTypeMismatches } from './type-mismatch.js';
import { checkMultipleEdgesIntoInput } from './multiple-edges-into-input.js';
import { checkCycles } from './cycle.js';
import { checkRequiredInputs } from './missing-required-input.js';
import { checkConfigs } from './invalid-config.js';
import { checkConfigSizes } from './config-too-large.js';
import { checkUnusedNodes } from './unused-node.js';
import { checkHasOutput } from './no-output.js';
import { checkDeprecatedNodeTypes } from './deprecated-node-type.js';

export { parseGraph } from './invalid-schema.js';
export { checkLimits } from './limits.js';

/** Run in this order on a graph that parsed and is within limits; the order is the report's order. */
export const VIOLATION_CHECKS: readonly Check[] = [
  checkEmptyGraph,
  checkDuplicateIds,
  checkUnknownNodeTypes,
  checkDanglingEdges,
  checkHandles,
  checkTypeMismatches,
  checkMultipleEdgesIntoInput,
  checkCycles,
  checkRequiredInputs,
  checkConfigs,
  checkConfigSizes,
];

export const WARNING_CHECKS: readonly Check<WarningRule>[] = [checkUnusedNodes, checkHasOutput, checkDeprecatedNodeTypes];
