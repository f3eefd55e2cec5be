type Schema = Record<string, unknown>;
type Input = Record<string, unknown>;

export type FileKind = 'image' | 'video' | 'audio';

/** Where the stand-in serves the `index`-th file of a result, of that kind. */
export type FileUrl = (index: number, kind: FileKind) => string;

/**
 * A plausible result for `input`, built from the endpoint's published output schema: every
 * required field, plus every optional field that holds a file. Files (objects with a `url`, or
 * Replicate's `format: uri` strings) point at `fileUrl`, their kind read from the field name (`video`, `audio_file`, `images`) or the
 * schema's title; `images` holds one file per `num_images`; `prompt` echoes the request.
 */
export function sampleOutput(schema: Schema, input: Input, fileUrl: FileUrl): unknown {
  let files = 0;
  const defs = (schema.$defs ?? {}) as Record<string, Schema>;
  const resolve = (node: Schema): Schema => (typeof node.$ref === 'string' ? resolve(defs[node.$ref.split('/').pop()!] ?? {}) : node);

  const value = (raw: Schema, key: string, kind: FileKind | undefined): unknown => {
    const node = resolve(raw);
    const choices = (node.anyOf ?? node.oneOf ?? node.allOf) as Schema[] | undefined;
    if (choices !== undefined) return value(choices.find((choice) => resolve(choice).type !== 'null') ?? {}, key, kind);
    const here = kindOf(key, node) ?? kind;
    if (isFile(node)) return file(node, here ?? 'image');
    if (node.const !== undefined) return node.const;
    if (Array.isArray(node.enum)) return node.enum.includes('en') ? 'en' : node.enum[0];
    if (node.type === 'string' && node.format === 'uri') return fileUrl(files++, here ?? 'image');
    if (node.type === 'array' || node.items !== undefined) return list(node, key, here);
    if (node.type === 'object' || node.properties !== undefined) return object(node, here);
    return scalar(node, key);
  };

  const object = (node: Schema, kind: FileKind | undefined): Input => {
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    const required = new Set((node.required ?? []) as string[]);
    const keys = Object.keys(properties).filter((key) => required.has(key) || holdsFile(properties[key]!));
    return Object.fromEntries(keys.map((key) => [key, value(properties[key]!, key, kind)]));
  };

  const list = (node: Schema, key: string, kind: FileKind | undefined): unknown[] => {
    const count = key === 'images' && typeof input.num_images === 'number' ? input.num_images : Math.max(1, Number(node.minItems ?? 1));
    return Array.from({ length: count }, () => value((node.items ?? {}) as Schema, key, kind));
  };

  const file = (node: Schema, kind: FileKind): Input => {
    const url = fileUrl(files++, kind);
    const properties = (node.properties ?? {}) as Schema;
    const size = kind === 'image' && 'width' in properties ? { width: 64, height: 48 } : {};
    return { url, content_type: CONTENT_TYPES[kind], file_name: url.split('/').pop(), ...size };
  };

  const holdsFile = (raw: Schema, depth = 0): boolean => {
    const node = resolve(raw);
    if (depth > 4) return false;
    if (isFile(node)) return true;
    const nested = [...((node.anyOf ?? node.oneOf ?? []) as Schema[]), ...(node.items === undefined ? [] : [node.items as Schema])];
    return nested.some((item) => holdsFile(item, depth + 1));
  };

  const scalar = (node: Schema, key: string): unknown => {
    if (key === 'prompt' && typeof input.prompt === 'string') return input.prompt;
    if (node.type === 'boolean') return false;
    if (node.type === 'integer') return key === 'seed' ? 42 : Math.max(1, Number(node.minimum ?? 1));
    if (node.type === 'number') return Number(node.minimum ?? 0.5);
    if (node.type === 'string') return key === 'text' || key === 'output' ? 'Words from the stand-in.' : `stand-in ${key}`;
    return null;
  };

  return value(schema, '', undefined);
}

const CONTENT_TYPES: Readonly<Record<FileKind, string>> = { image: 'image/png', video: 'video/mp4', audio: 'audio/wav' };

function isFile(node: Schema): boolean {
  const properties = node.properties as Schema | undefined;
  return properties !== undefined && 'url' in properties && ((node.required ?? []) as string[]).includes('url');
}

function kindOf(key: string, node: Schema): FileKind | undefined {
  const name = `${key} ${String(node.title ?? '')}`.toLowerCase();
  if (name.includes('video')) return 'video';
  if (name.includes('audio')) return 'audio';
  if (name.includes('image')) return 'image';
  return undefined;
}
