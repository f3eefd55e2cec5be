type Schema = Record<string, unknown>;

/** Keywords whose value is one schema, a list of schemas, or a name → schema map. */
const ONE = ['items', 'additionalItems', 'contains', 'not', 'if', 'then', 'else'];
const MANY = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const NAMED = ['properties', 'patternProperties', '$defs', 'definitions'];

/**
 * A copy of an input schema that refuses keys it does not name: `additionalProperties: false` on
 * every object schema that leaves it unset. fal's (pydantic) and Replicate's (cog) servers drop
 * unknown keys without a word, so a stand-in that accepted them would let us send settings the
 * model never sees. An object that sets `additionalProperties` itself (a free-form map) keeps it.
 * Nullable fields stay `anyOf: [X, {type: "null"}]`: the providers accept an explicit null for them.
 */
export function strictInput(schema: Schema): Schema {
  const copy: Schema = { ...schema };
  for (const key of ONE) if (isSchema(copy[key])) copy[key] = strictInput(copy[key] as Schema);
  for (const key of MANY) if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).map((item) => (isSchema(item) ? strictInput(item) : item));
  for (const key of NAMED) if (isSchema(copy[key])) copy[key] = mapValues(copy[key] as Schema, strictInput);
  if (isSchema(copy.additionalProperties)) copy.additionalProperties = strictInput(copy.additionalProperties as Schema);
  if ((copy.type === 'object' || copy.properties !== undefined) && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

/** Paths (`properties.image_size.anyOf.0`) of object schemas that still accept unknown keys by omission. */
export function looseObjects(schema: unknown, path = '#'): string[] {
  if (!isSchema(schema)) return [];
  const node = schema as Schema;
  const here = (node.type === 'object' || node.properties !== undefined) && node.additionalProperties === undefined ? [path] : [];
  const nested = [
    ...[...ONE, 'additionalProperties'].flatMap((key) => looseObjects(node[key], `${path}/${key}`)),
    ...MANY.flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]).flatMap((item, i) => looseObjects(item, `${path}/${key}/${i}`)) : [])),
    ...NAMED.flatMap((key) =>
      isSchema(node[key]) ? Object.entries(node[key] as Schema).flatMap(([name, item]) => looseObjects(item, `${path}/${key}/${name}`)) : [],
    ),
  ];
  return [...here, ...nested];
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(record: Schema, fn: (value: Schema) => Schema): Schema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, isSchema(value) ? fn(value) : value]));
}
