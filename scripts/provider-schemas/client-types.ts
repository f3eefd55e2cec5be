type Schema = Record<string, unknown>;

/**
 * JSON Schemas read from fal's client types (fal-ai/fal-js main, libs/client/src/types/endpoints.ts:
 * `export type XInput = { name?: T; … }`), for endpoints fal's schema package does not cover yet.
 * The types carry field names, which fields are required, string and number enums, arrays and
 * nested types, but no numeric ranges or formats, so a snapshot made from them checks less.
 * `string | Blob | File` is a string: the client uploads a file and sends its URL.
 */
export function typeSchemas(source: string): (typeName: string) => Schema {
  const declarations = new Map<string, string>();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const chunk of code.split(/^export type /m).slice(1)) {
    const match = /^(\w+)\s*=\s*([\s\S]*);\s*$/.exec(chunk);
    if (match !== null) declarations.set(match[1]!, match[2]!);
  }
  return (typeName) => {
    const defs: Record<string, Schema> = {};
    const root = convert(typeName, declarations, defs);
    return Object.keys(defs).length === 0 ? root : { ...root, $defs: defs };
  };
}

function convert(name: string, declarations: Map<string, string>, defs: Record<string, Schema>): Schema {
  const text = declarations.get(name);
  if (text === undefined) throw new Error(`no type ${name} in the client's endpoint types`);
  const parser = new Parser(tokenize(text), (ref) => {
    if (!(ref in defs)) {
      defs[ref] = {};
      defs[ref] = convert(ref, declarations, defs);
    }
    return { $ref: `#/$defs/${ref}` };
  });
  const schema = parser.type();
  // A plain alias of another type (`XOutput = BlurOutput`) is that type.
  return typeof schema.$ref === 'string' ? (defs[schema.$ref.slice('#/$defs/'.length)] as Schema) : schema;
}

function tokenize(text: string): string[] {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"|'[^']*'|-?\d+(?:\.\d+)?|\w+|[{}()<>[\]|&;:?,]/g)].map((match) => match[0]);
}

const PRIMITIVES: Readonly<Record<string, Schema>> = {
  string: { type: 'string' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  null: { type: 'null' },
  File: { type: 'string' },
  Blob: { type: 'string' },
  unknown: {},
  any: {},
  void: {},
  never: { not: {} },
};

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: string[],
    private readonly ref: (name: string) => Schema,
  ) {}

  type(): Schema {
    if (this.peek() === '|') this.at++;
    const options = [this.postfix()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.postfix());
    }
    return union(options);
  }

  private postfix(): Schema {
    let schema = this.primary();
    while (this.peek() === '[' && this.tokens[this.at + 1] === ']') {
      this.at += 2;
      schema = { type: 'array', items: schema };
    }
    return schema;
  }

  private primary(): Schema {
    const token = this.next();
    if (token === '{') return this.object();
    if (token === '(') return this.closing(this.type(), ')');
    if (token.startsWith('"')) return { const: JSON.parse(token) as string };
    if (token.startsWith("'")) return { const: token.slice(1, -1) };
    if (/^-?\d/.test(token)) return { const: Number(token) };
    if (token === 'Array')
      return {
        type: 'array',
        items: this.closing(
          this.opening('<', () => this.type()),
          '>',
        ),
      };
    if (token === 'Record') {
      this.opening('<', () => this.type());
      this.expect(',');
      const values = this.closing(this.type(), '>');
      return { type: 'object', additionalProperties: values.not === undefined ? values : false };
    }
    return PRIMITIVES[token] ?? this.ref(token);
  }

  private object(): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    while (this.peek() !== '}') {
      const name = this.next();
      const optional = this.peek() === '?';
      if (optional) this.at++;
      this.expect(':');
      properties[name.startsWith('"') ? (JSON.parse(name) as string) : name] = this.type();
      if (!optional) required.push(name.startsWith('"') ? (JSON.parse(name) as string) : name);
      if (this.peek() === ';' || this.peek() === ',') this.at++;
    }
    this.at++;
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  }

  private opening<T>(token: string, then: () => T): T {
    this.expect(token);
    return then();
  }

  private closing(schema: Schema, token: string): Schema {
    this.expect(token);
    return schema;
  }

  private expect(token: string): void {
    const found = this.next();
    if (found !== token) throw new Error(`expected ${token}, found ${found}`);
  }

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private next(): string {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new Error('unexpected end of type');
    return token;
  }
}

/** `"a" | "b"` is an enum; `X | null` stays an `anyOf` with null, as fal's own schemas write it. */
function union(options: Schema[]): Schema {
  if (options.length === 1) return options[0]!;
  const consts = options.filter((option) => option.const !== undefined).map((option) => option.const);
  const others = options.filter((option) => option.const === undefined);
  const unique = others.filter((option, index) => others.findIndex((other) => JSON.stringify(other) === JSON.stringify(option)) === index);
  const enumSchema = consts.length === 0 ? [] : [{ type: typeof consts[0] === 'number' ? 'number' : 'string', enum: consts }];
  const all = [...enumSchema, ...unique];
  return all.length === 1 ? all[0]! : { anyOf: all };
}
