import { describe, expect, it } from 'vitest';
import { effectivePorts, validateGraph } from '../../src/graph/index.js';
import { inlineSpans, type Span, type SpanForm, spanForm } from './doc-spans.js';
import { type JsonSchema, type KnownNames, knownNames } from './known-names.js';
import { skillDocs } from './skill-docs.js';

// Every name the hand-written skill mentions in a code span is checked against the code that
// defines it: tools, their arguments and result fields (the MCP server's own schemas), node
// types, settings and ports (the registry), error codes, rules, statuses, routes, resources.
const docs = (await skillDocs()).filter((doc) => !doc.path.endsWith('node-catalog.md'));
const spans = inlineSpans(docs);
const known = await knownNames(docs);

const where = (span: Span) => `${span.path}:${span.line} \`${span.text}\``;

function formOf(span: Span): SpanForm | undefined {
  try {
    return spanForm(span.text);
  } catch (error) {
    return { form: 'call', tool: `unparsed: ${(error as Error).message}`, args: {} };
  }
}

const forms = spans.map((span) => ({ span, form: formOf(span) }));
const ofForm = <F extends SpanForm['form']>(form: F) =>
  forms.filter((entry): entry is { span: Span; form: Extract<SpanForm, { form: F }> } => entry.form?.form === form);

/** The schema at a dotted path, `[]` stepping into a list's items; undefined when there is none. */
function schemaAt(schema: JsonSchema | undefined, path: string): JsonSchema | undefined {
  let at = schema;
  for (const segment of path.split('.')) {
    const [name, ...lists] = segment.split('[]');
    at = propertyOf(at, name!);
    for (const _ of lists) at = at?.items ?? at?.anyOf?.find((option) => option.items)?.items;
  }
  return at;
}

function propertyOf(schema: JsonSchema | undefined, name: string): JsonSchema | undefined {
  if (schema === undefined) return undefined;
  return schema.properties?.[name] ?? schema.anyOf?.map((option) => propertyOf(option, name)).find((found) => found !== undefined);
}

function jsonTypeFits(schema: JsonSchema, value: unknown): boolean {
  if (schema.anyOf) return schema.anyOf.some((option) => jsonTypeFits(option, value));
  if (schema.type === undefined) return true;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const types = [schema.type].flat();
  return types.includes(actual) || (actual === 'number' && types.includes('integer') && Number.isInteger(value));
}

describe('facts the skill states about the code', () => {
  it('writes every fact span so it can be read: JSON arguments and settings parse', () => {
    expect(
      ofForm('call')
        .filter(({ form }) => form.tool.startsWith('unparsed'))
        .map(({ span }) => where(span)),
    ).toEqual([]);
    expect(ofForm('result').length + ofForm('call').length).toBeGreaterThan(20);
  });

  it('names only result fields the tools answer with (`tool → field.path`)', () => {
    const wrong = ofForm('result')
      .filter(({ form }) => schemaAt(known.tools.find((tool) => tool.name === form.tool)?.outputSchema, form.path) === undefined)
      .map(({ span }) => where(span));
    expect(wrong).toEqual([]);
  });

  it('calls tools only with arguments their input schemas take, of the right JSON type (`tool { key: value }`)', () => {
    const wrong = ofForm('call').flatMap(({ span, form }) => {
      const tool = known.tools.find((candidate) => candidate.name === form.tool);
      if (tool === undefined) return [`${where(span)}: no tool ${form.tool}`];
      return Object.entries(form.args)
        .filter(([key, value]) => {
          const schema = tool.inputSchema.properties?.[key];
          return schema === undefined || !jsonTypeFits(schema, value);
        })
        .map(([key]) => `${where(span)}: ${form.tool} takes no ${key} of that type`);
    });
    expect(wrong).toEqual([]);
  });

  it('gives old node type names with the type they now run (`old → current`)', () => {
    const wrong = ofForm('alias')
      .filter(({ form }) => known.registry.get(form.from)?.deprecated?.replacedBy !== form.to)
      .map(({ span }) => where(span));
    expect(ofForm('alias').length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('sets only settings a node type accepts, with values it accepts (`type { key: value }`)', () => {
    const wrong = ofForm('node')
      .filter(({ form }) => form.config !== undefined)
      .flatMap(({ span, form }) => {
        const graph = { nodes: [{ id: 'n', data: { nodeType: form.nodeType, config: form.config } }], edges: [] };
        const { violations } = validateGraph(graph, known.registry);
        return violations.filter((v) => v.rule === 'invalid-config' || v.rule === 'unknown-node-type').map((v) => `${where(span)}: ${v.message}`);
      });
    expect(wrong).toEqual([]);
  });

  it('names only ports a node type has, on the side it has them (`type in-port`, `type out-port`)', () => {
    const withHandle = ofForm('node').filter(({ form }) => form.handle !== undefined);
    const wrong = withHandle
      .filter(({ form }) => {
        const spec = known.registry.get(form.nodeType);
        if (spec === undefined) return true;
        const ports = effectivePorts(spec, form.config ?? {});
        const [side, ...name] = form.handle!.split('-');
        return !(side === 'in' ? ports.inputs : ports.outputs).some((port) => port.name === name.join('-'));
      })
      .map(({ span }) => where(span));
    expect(withHandle.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });

  it('names only things the code defines: codes, fields, statuses, rules, handles, variables, routes, resources', () => {
    const unknown = spans.filter((span) => formOf(span) === undefined && !isKnown(span.text, known)).map(where);
    expect(unknown).toEqual([]);
  });
});

const JSON_VALUES = new Set(['null', 'true', 'false']);

/** Whether a span that names something names what the code has; spans that name nothing (values, prose) pass. */
function isKnown(text: string, names: KnownNames): boolean {
  const { fields } = names;
  let match: RegExpExecArray | null;
  if ((match = /^(GET|POST|PUT|PATCH|DELETE) (?:\$API)?(\/\S*)$/.exec(text))) return isRoute(match[1]!, match[2]!, names);
  if (text.startsWith('pipewright://')) return isResource(text, names);
  if (text.startsWith('pipewright ')) return isCommand(text.split(' ').slice(1), names);
  if (/^(?:in|out)-[a-z][\w-]*$/.test(text)) return names.handles.has(text);
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text)) return names.sourceText.includes(`'${text}'`);
  if (/^[A-Z]+$/.test(text)) return fields.has(text);
  if (/^[a-z]+(?:-[a-z0-9]+)+$/.test(text)) return names.rules.has(text) || names.templates.includes(text);
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(text)) {
    return (
      names.tools.some((tool) => tool.name === text) ||
      names.errorCodes.has(text) ||
      names.skipReasons.has(text) ||
      fields.has(text) ||
      names.protocol.has(text)
    );
  }
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(text)) return fields.has(text) || names.protocol.has(text);
  if (/^[a-z]+$/.test(text))
    return fields.has(text) || names.protocol.has(text) || names.errorCodes.has(text) || names.rules.has(text) || JSON_VALUES.has(text);
  if ((match = /^[a-z]+:[a-z]+$/.exec(text))) return fields.has(text);
  if (/^[a-z]\w*(?:\[\])?(?:\.[a-z]\w*(?:\[\])?)+$/.test(text)) return text.split('.').every((segment) => fields.has(segment.replace('[]', '')));
  if ((match = /^([A-Za-z_]\w*): \S/.exec(text))) return fields.has(match[1]!) || names.protocol.has(match[1]!);
  return true;
}

/** `POST /workflows/{id}/run`, `GET /workflows?tag=…&q=…`: a registered route, and query fields the API reads. */
function isRoute(method: string, target: string, names: KnownNames): boolean {
  const [path = '', query] = target.split('?');
  const segments = path.split('/');
  const routed = names.routes.some((route) => {
    const [routeMethod, routePath] = route.split(' ');
    const routeSegments = routePath!.split('/');
    return (
      routeMethod === method &&
      routeSegments.length === segments.length &&
      routeSegments.every((segment, i) => (segment.startsWith(':') ? /^\{\w+\}$/.test(segments[i]!) : segment === segments[i]))
    );
  });
  const params = (query ?? '').split('&').filter(Boolean);
  return routed && params.every((param) => names.fields.has(param.split('=')[0]!));
}

/** `pipewright://artifacts/{id}` as a template the server lists, or `pipewright://templates/<name>` of a bundled template. */
function isResource(uri: string, names: KnownNames): boolean {
  if (names.uriTemplates.includes(uri)) return true;
  const template = /^pipewright:\/\/templates\/([\w-]+)$/.exec(uri);
  return template !== null && names.uriTemplates.includes('pipewright://templates/{name}') && names.templates.includes(template[1]!);
}

/** `pipewright run graph.json --dry-run`: each word a subcommand until one that takes arguments; each `--flag` one of its options. */
function isCommand(words: string[], names: KnownNames): boolean {
  let command = names.cli;
  for (const word of words) {
    if (word.startsWith('--')) {
      if (!command.options.some((option) => option.long === word)) return false;
      continue;
    }
    const sub = command.commands.find((candidate) => candidate.name() === word);
    if (sub) command = sub;
    else if (command.registeredArguments.length === 0) return false;
  }
  return command !== names.cli;
}
