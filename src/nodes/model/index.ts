import type { NodeType } from '../node-type.js';
import { aliasNodeTypes } from './aliases.js';
import { MODEL_CATALOG } from './catalog/index.js';
import { modelNodeType } from './model-node-type.js';
import type { Providers } from './not-configured.js';
import { createUploadMemo } from './upload-memo.js';

/** The model node types of the catalog, each followed by its aliases, calling the given provider adapters. */
export function createModelNodeTypes(providers: Providers): NodeType[] {
  const uploads = createUploadMemo();
  return MODEL_CATALOG.flatMap((entry) => {
    const type = modelNodeType(entry, providers, uploads);
    return [type, ...aliasNodeTypes(type)];
  });
}

export { MODEL_CATALOG, MODEL_KINDS } from './catalog/index.js';
export type { ModelEntry, ModelKind } from './catalog/index.js';
export { modelEntryOf } from './model-entry-of.js';
export type { ModelNodeType } from './model-entry-of.js';
export { assertProvidersConfigured, missingProviders, providerWarnings } from './not-configured.js';
export type { Providers } from './not-configured.js';
