/**
 * How one face shows the files a run stored: which strings in an answer name one (the stored
 * reference, and whatever older or other forms that face accepts), and what it hands out instead.
 */
export interface ArtifactUrlRenderer {
  idOf(text: string): string | undefined;
  url(id: string): string | Promise<string>;
}

/**
 * `value` with every string that names a stored artifact replaced by the face's URL for it; all
 * else as it was. Strings are replaced whole, never inside text, and each artifact is rendered once.
 */
export async function renderArtifactRefs<T>(value: T, renderer: ArtifactUrlRenderer): Promise<T> {
  const ids = new Set<string>();
  visitStrings(value, (text) => {
    const id = renderer.idOf(text);
    if (id !== undefined) ids.add(id);
  });
  if (ids.size === 0) return value;
  const urls = new Map(await Promise.all([...ids].map(async (id) => [id, await renderer.url(id)] as const)));
  return mapStrings(value, (text) => {
    const id = renderer.idOf(text);
    return id === undefined ? text : (urls.get(id) ?? text);
  }) as T;
}

/** Every string inside a JSON-like value, depth first. */
export function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visitStrings(item, visit);
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  return value;
}
