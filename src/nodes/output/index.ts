import type { NodeType } from '../node-type.js';
import { outputResult } from './result.js';

/** The output node types: what they receive is what an execution returns. */
export const outputNodeTypes: readonly NodeType[] = [outputResult];
