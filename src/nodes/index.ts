export { createBuiltinRegistry } from './builtin.js';
export { NodeRegistry } from './registry.js';
export { defineNodeType } from './node-type.js';
export type { NodeType, NodeContext, NodeOutputs } from './node-type.js';
export { describeNodeType, describeNodeTypes } from './describe.js';
export type { CatalogEntry, CatalogField } from './describe.js';
export { assertProvidersConfigured, missingProviders, modelEntryOf, providerWarnings } from './model/index.js';
export type { MissingProvider, ModelNodeType, Providers } from './model/index.js';
export { asBoolean, asNumber } from './support/coerce.js';
