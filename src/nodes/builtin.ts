import { imageNodeTypes } from './image/index.js';
import { inputNodeTypes } from './input/index.js';
import { logicNodeTypes } from './logic/index.js';
import { outputNodeTypes } from './output/index.js';
import { NodeRegistry } from './registry.js';
import { textUtilityNodeTypes } from './utility/index.js';

/** Every node type that works offline, with no provider. Model node types join in their own module. */
export function createBuiltinRegistry(): NodeRegistry {
  return new NodeRegistry([...inputNodeTypes, ...textUtilityNodeTypes, ...imageNodeTypes, ...logicNodeTypes, ...outputNodeTypes]);
}
