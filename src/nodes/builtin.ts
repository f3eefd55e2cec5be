import type { ProviderAdapter, ProviderId } from '../providers/index.js';
import { imageNodeTypes } from './image/index.js';
import { inputNodeTypes } from './input/index.js';
import { logicNodeTypes } from './logic/index.js';
import { createModelNodeTypes } from './model/index.js';
import { outputNodeTypes } from './output/index.js';
import { NodeRegistry } from './registry.js';
import { textUtilityNodeTypes } from './utility/index.js';

export interface BuiltinRegistryOptions {
  /**
   * The provider adapters model nodes call (`createProviders(settings)`). Without them model
   * nodes still validate and dry-run; a real run fails with `provider_not_configured`.
   */
  providers?: ReadonlyMap<ProviderId, ProviderAdapter>;
}

/** Every built-in node type: the offline ones, and the model node types of the catalog. */
export function createBuiltinRegistry(options: BuiltinRegistryOptions = {}): NodeRegistry {
  return new NodeRegistry([
    ...inputNodeTypes,
    ...textUtilityNodeTypes,
    ...imageNodeTypes,
    ...logicNodeTypes,
    ...outputNodeTypes,
    ...createModelNodeTypes(options.providers ?? new Map()),
  ]);
}
