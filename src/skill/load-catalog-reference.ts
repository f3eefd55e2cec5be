/**
 * skill/references/node-catalog.md, loaded on use: generating it builds the whole node registry,
 * which no other command needs, and the CLI takes this layer's index at every start.
 */
export async function nodeCatalogReference(): Promise<string> {
  const { catalogReference } = await import('./catalog-reference.js');
  return catalogReference();
}
