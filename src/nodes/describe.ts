import { z } from 'zod';
import type { CatalogEntry } from './catalog-entry.js';
import type { NodeType } from './node-type.js';

/** The catalog in the shape of `GET /nodes` (compat), read by the CLI, the API, MCP and the skill. */
export function describeNodeTypes(types: readonly NodeType[]): CatalogEntry[] {
  return types.map(describeNodeType);
}

export function describeNodeType(type: NodeType): CatalogEntry {
  const configSchema = z.toJSONSchema(type.config, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string; description?: string }>;
    required?: string[];
  };
  const settings = Object.entries(configSchema.properties ?? {}).map(([id, field]) => ({
    id,
    type: field.type ?? 'any',
    required: configSchema.required?.includes(id) ?? false,
    isPort: false,
    ...(field.description ? { description: field.description } : {}),
  }));
  const ports = (list: NodeType['inputs']) =>
    list.map((port) => ({
      id: port.name,
      type: port.type,
      required: port.required === true,
      isPort: true,
      ...(port.description ? { description: port.description } : {}),
    }));
  return {
    nodeType: type.nodeType,
    label: type.label,
    category: type.category,
    description: type.description,
    inputs: [...ports(type.inputs), ...settings],
    outputs: ports(type.outputs),
    configSchema: configSchema as Record<string, unknown>,
    cost: type.cost(type.config.safeParse({}).data ?? {}),
    timeoutMs: type.timeoutMs,
    ...deprecation(type.deprecated),
  };
}

function deprecation(deprecated: NodeType['deprecated']): Pick<CatalogEntry, 'deprecated' | 'aliasOf' | 'deprecationNote'> {
  if (deprecated === undefined) return {};
  return {
    deprecated: true,
    ...(deprecated.replacedBy === undefined ? {} : { aliasOf: deprecated.replacedBy }),
    ...(deprecated.message === undefined ? {} : { deprecationNote: deprecated.message }),
  };
}
