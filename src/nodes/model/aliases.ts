import type { ModelNodeType } from './model-entry-of.js';

/**
 * Other names for a model (`generate:flux-2` for `generate:flux_2`) are registered as node types of
 * their own that run exactly the same way, so graphs in the hosted shape validate and run
 * unchanged. Each is marked deprecated with its canonical name, so lint warns
 * (`deprecated-node-type`) and suggests the rename, and catalogs can hide them.
 */
export function aliasNodeTypes(type: ModelNodeType): ModelNodeType[] {
  return (type.model.aliases ?? []).map((alias) => ({
    ...type,
    nodeType: alias,
    label: `${type.label} (alias)`,
    deprecated: { replacedBy: type.nodeType, message: `an alias of ${type.nodeType}; both run the same model` },
  }));
}
