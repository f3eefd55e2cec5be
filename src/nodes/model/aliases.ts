import type { ModelNodeType } from './model-entry-of.js';

/**
 * Other names for a model (`generate:flux-2` for `generate:flux_2`, or a model the provider
 * retired) are registered as node types of their own that run exactly the same way, so graphs in
 * the hosted shape and older graphs validate and run unchanged. Each is marked deprecated with its
 * current name, so lint warns (`deprecated-node-type`) with the rename, catalogs list it as
 * `deprecated: true, aliasOf` (docs/models.md#aliases) and listings can hide it.
 */
export function aliasNodeTypes(type: ModelNodeType): ModelNodeType[] {
  return (type.model.aliases ?? []).map((alias) => ({
    ...type,
    nodeType: alias,
    label: `${type.label} (alias)`,
    deprecated: { replacedBy: type.nodeType, message: type.model.aliasNotes?.[alias] ?? `another name for ${type.nodeType}; both run the same model` },
  }));
}
