import type { NodeSpec } from '../../graph/index.js';
import type { NodeType } from '../node-type.js';
import type { ModelEntry } from './catalog/entry.js';

/** A node type generated from a catalog entry; it keeps the entry so faces can ask about its provider. */
export interface ModelNodeType extends NodeType {
  model: ModelEntry;
}

export function modelEntryOf(spec: NodeSpec | undefined): ModelEntry | undefined {
  return spec !== undefined && 'model' in spec ? (spec as ModelNodeType).model : undefined;
}
