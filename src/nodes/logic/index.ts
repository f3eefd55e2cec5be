import type { NodeType } from '../node-type.js';
import { logicIf } from './if.js';
import { router } from './router.js';
import { logicSwitch } from './switch.js';

/** The routing node types: they decide which branches run (docs/execution.md). */
export const logicNodeTypes: readonly NodeType[] = [logicIf, router, logicSwitch];
