import type { CatalogEntry } from '../backend/index.js';
import { PipewrightError } from '../errors/index.js';
import { closestMatch } from '../graph/index.js';

/** One catalog entry by its type (an old name too); an unknown type is not_found naming the closest one. */
export function findNodeType(catalog: CatalogEntry[], nodeType: string): CatalogEntry {
  const entry = catalog.find((candidate) => candidate.nodeType === nodeType);
  if (entry !== undefined) return entry;
  const guess = closestMatch(
    nodeType,
    catalog.map((candidate) => candidate.nodeType),
  );
  throw new PipewrightError('not_found', `No node type ${nodeType}${guess ? `; did you mean ${guess}?` : ''}`);
}
