import { z } from 'zod';
import { COMMON_CONFIG_KEYS, CommonConfigSchema, type CommonConfig } from './common-config.js';
import { valueSchemaFor } from './ports.js';
import type { NodePorts, NodeSpec } from './spec.js';
import { dict, ownValue } from './user-keys.js';

export type ConfigIssue = z.core.$ZodIssue;

/** A node's `data.config` split three ways (docs/workflow-format.md) and parsed, with every issue kept. */
export interface ParsedNodeConfig {
  /** `spec.config` output (defaults applied); `{}` when it failed to parse. */
  settings: Record<string, unknown>;
  /** Parsed values of input ports set in config; null and absent ones are left out. */
  portValues: Record<string, unknown>;
  common: CommonConfig;
  /** Zod issues, their paths relative to `data.config`. */
  issues: ConfigIssue[];
  /** Every key the config may hold: settings, input port names and common keys. */
  allowedKeys: string[];
}

export function parseNodeConfig(spec: NodeSpec, ports: NodePorts, config: Record<string, unknown>): ParsedNodeConfig {
  const portNames = new Set(ports.inputs.map((p) => p.name));
  const commonNames = new Set(COMMON_CONFIG_KEYS);
  const settingsRaw = Object.fromEntries(Object.entries(config).filter(([key]) => !portNames.has(key) && !commonNames.has(key)));
  const commonRaw = Object.fromEntries(Object.entries(config).filter(([key]) => commonNames.has(key)));

  const settings = spec.config.safeParse(settingsRaw);
  const common = CommonConfigSchema.safeParse(commonRaw);
  const issues = [...(settings.error?.issues ?? []), ...(common.error?.issues ?? [])];
  const portValues = dict();
  for (const port of ports.inputs) {
    const value = ownValue(config, port.name);
    if (value === undefined || value === null) continue;
    const parsed = valueSchemaFor(port.type).safeParse(value);
    if (parsed.success) portValues[port.name] = parsed.data;
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [port.name, ...issue.path] })));
  }
  return {
    settings: settings.data ?? {},
    portValues,
    common: common.data ?? {},
    issues,
    allowedKeys: [...settingKeys(spec.config), ...portNames, ...COMMON_CONFIG_KEYS],
  };
}

/** Keys an object settings schema declares; other schema shapes offer none to suggest from. */
function settingKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
