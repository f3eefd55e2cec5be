/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextPath = Array<string | number>;

/**
 * Where a JSON value holds text that is not well-formed UTF-16 (a lone surrogate, which JSON can
 * carry as `"\ud800"`), as the path to that string or key; undefined when every string is whole.
 * Such text cannot be stored as sent (UTF-8 has no lone surrogates), so it is refused at the door
 * rather than echoed one way and stored another.
 */
export function illFormedTextAt(value: unknown, path: TextPath = []): TextPath | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = illFormedTextAt(item, [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return [...path, key];
    const found = illFormedTextAt(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `nodes[0].data.label`; keys that are not plain names are quoted (`inputs["a b"]`), lone surrogates escaped. */
export function formatTextPath(path: TextPath): string {
  const text = path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(part)) return index === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join('');
  return text === '' ? '(the body)' : text;
}
