import type { Backend, Page } from '../backend/index.js';

/**
 * Ids are random, so a prefix can match anywhere in a long history: completion looks through the
 * newest this many (two pages; in remote mode two requests against the key's budget) and offers
 * every id there that starts with what was typed. The SDK sends the first 100 with `total` and
 * `hasMore` (the protocol's cap).
 */
const WINDOW = 200;
const PAGE = 100;

/** Values of a completion: those starting with `prefix`, in order. */
export function startingWith(values: readonly string[], prefix: string): string[] {
  return values.filter((value) => value.startsWith(prefix));
}

/** Suggestions for free text: those starting with what was typed, whatever its case. */
export function suggestionsFor(values: readonly string[], typed: string | undefined): string[] {
  const lower = (typed ?? '').toLowerCase();
  return values.filter((value) => value.toLowerCase().startsWith(lower));
}

export async function nodeTypesStartingWith(backend: Backend, prefix: string): Promise<string[]> {
  const current = (await backend.listNodeTypes()).filter((entry) => entry.deprecated !== true);
  return startingWith(
    current.map((entry) => entry.nodeType),
    prefix,
  );
}

export function workflowIdsStartingWith(backend: Backend, prefix: string): Promise<string[]> {
  return idsStartingWith((cursor) => backend.listWorkflows({ limit: PAGE, cursor }), prefix);
}

export function executionIdsStartingWith(backend: Backend, prefix: string): Promise<string[]> {
  return idsStartingWith((cursor) => backend.listExecutions({ limit: PAGE, cursor }), prefix);
}

async function idsStartingWith(list: (cursor: string | undefined) => Promise<Page<{ id: string }>>, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let seen = 0; seen < WINDOW; ) {
    const page = await list(cursor);
    ids.push(...page.data.map((item) => item.id));
    seen += page.data.length;
    if (page.nextCursor === null || page.data.length === 0) break;
    cursor = page.nextCursor;
  }
  return startingWith(ids, prefix);
}
