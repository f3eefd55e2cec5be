import { COMMON_CONFIG_KEYS, FAMILY_CATEGORY } from '../graph/index.js';
import { describeNodeType, type CatalogEntry, createBuiltinRegistry, type NodeRegistry, type NodeType, modelEntryOf } from '../nodes/index.js';

/** What the JSON Schema of one setting tells a reader; zod writes these keys. */
interface SettingSchema {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  description?: string;
  anyOf?: SettingSchema[];
}

const FAMILY_INTROS: Readonly<Record<string, string>> = {
  input: 'Values given to a workflow. Each input node is an exposed input: a run sets it with `inputs: {<nodeId>: value}`.',
  generate: 'Image, video, audio and speech models (category `model`). They cost credits; a dry run returns marked placeholders for free.',
  llm: 'Text models (category `model`): rewrite prompts, write scripts, pick quotes.',
  utility: 'Local text, JSON, HTTP and image operations. Free, and they run for real in a dry run.',
  logic: 'Routing: the branch not taken is `SKIPPED`, not failed.',
  output: 'Named results: each `output:result` appears in `finalOutput` under its `name`.',
};

/**
 * skill/references/node-catalog.md, generated from the registry so the skill cannot name a node
 * type, port or setting that does not exist: `pipewright skill catalog --out …` writes it and a
 * test fails when the committed file differs.
 */
export function catalogReference(registry: NodeRegistry = createBuiltinRegistry()): string {
  const types = registry.list();
  const current = types.filter((type) => type.deprecated?.replacedBy === undefined);
  const families = Object.keys(FAMILY_CATEGORY).filter((family) => current.some((type) => familyOf(type) === family));
  const sections = families.map((family) => {
    const members = current.filter((type) => familyOf(type) === family);
    const entries = members.map((type) => nodeSection(type, aliasesOf(type, types)));
    return [`## ${family}`, FAMILY_INTROS[family] ?? '', ...entries].filter(Boolean).join('\n\n');
  });
  const contents = families.map((family) => {
    const count = current.filter((type) => familyOf(type) === family).length;
    return `- [${family}](#${family}) — ${count} node type${count === 1 ? '' : 's'}`;
  });
  return (
    [
      '# Node catalog',
      'Generated from the node registry (`npm run skill:catalog`); do not edit by hand. Every node type this ' +
        'version of pipewright runs, with its ports (`*` = required), settings and cost in credits with default ' +
        'settings (1 credit ≈ US$0.01). Wire `out-<port>` to `in-<port>`. An unwired input port reads ' +
        '`config.<port>`. Every node also takes the common settings ' +
        `${COMMON_CONFIG_KEYS.map((key) => `\`${key}\``).join(', ')}.`,
      `## Contents\n\n${contents.join('\n')}`,
      ...sections,
    ].join('\n\n') + '\n'
  );
}

function familyOf(type: NodeType): string {
  return type.nodeType.split(':')[0] ?? '';
}

function aliasesOf(type: NodeType, all: readonly NodeType[]): string[] {
  return all.filter((other) => other.deprecated?.replacedBy === type.nodeType).map((other) => other.nodeType);
}

function nodeSection(type: NodeType, aliases: readonly string[]): string {
  const entry = describeNodeType(type);
  const model = modelEntryOf(type);
  const facts = [
    `${entry.cost} credit${entry.cost === 1 ? '' : 's'} with defaults`,
    ...(model ? [`runs on ${model.provider} \`${model.endpoint}\``] : []),
    `timeout ${Math.round(entry.timeoutMs / 1000)} s`,
  ];
  return [
    `### \`${entry.nodeType}\` — ${entry.label}`,
    entry.description,
    facts.join(' · '),
    ...(type.portsFor ? ['Some of its ports are computed from its settings, as described below.'] : []),
    ports(entry),
    settings(entry),
    ...(aliases.length > 0 ? [`Old names, still accepted with a \`deprecated-node-type\` warning: ${aliases.map((a) => `\`${a}\``).join(', ')}.`] : []),
  ].join('\n\n');
}

function ports(entry: CatalogEntry): string {
  const line = (fields: CatalogEntry['inputs']) =>
    fields
      .filter((field) => field.isPort)
      .map((field) => `\`${field.id}\`${field.required ? '*' : ''} ${field.type}`)
      .join(', ') || '—';
  return `- in: ${line(entry.inputs)}\n- out: ${line(entry.outputs)}`;
}

function settings(entry: CatalogEntry): string {
  const properties = (entry.configSchema.properties ?? {}) as Record<string, SettingSchema>;
  const names = entry.inputs.filter((field) => !field.isPort).map((field) => field.id);
  if (names.length === 0) return 'Settings: none.';
  const lines = names.map((name) => {
    const schema = properties[name] ?? {};
    const parts = [kindOf(schema), ...(schema.default !== undefined ? [`default \`${JSON.stringify(schema.default)}\``] : [])];
    return `- \`${name}\` (${parts.join('; ')})${schema.description ? `: ${schema.description}` : ''}`;
  });
  return `Settings:\n\n${lines.join('\n')}`;
}

function kindOf(schema: SettingSchema): string {
  if (schema.anyOf) return schema.anyOf.map(kindOf).join(', or ');
  if (schema.enum) return `one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` ${schema.minimum}–${schema.maximum}` : '';
  return `${schema.type ?? 'any'}${range}`;
}
