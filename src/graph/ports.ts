import { z } from 'zod';

export const BASE_PORT_TYPES = ['text', 'image', 'video', 'audio', 'number', 'boolean', 'json', 'any'] as const;
export type BasePortType = (typeof BASE_PORT_TYPES)[number];
export type ListPortType = `${BasePortType}[]`;
export type PortType = BasePortType | ListPortType;

/** Port names appear in handles (`in-<name>`), so they stay URL- and id-safe. */
export const PORT_NAME_PATTERN = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/;

export function isListType(type: PortType): type is ListPortType {
  return type.endsWith('[]');
}

export function itemType(type: PortType): BasePortType {
  return (isListType(type) ? type.slice(0, -2) : type) as BasePortType;
}

/**
 * How a value of type `from` reaches a port of type `to`:
 * - `direct`: as is (same shape);
 * - `iterate`: a list into a single-item port — the node runs once per item (docs/execution.md);
 * - `wrap`: a single item into a list port — it arrives as a one-item list (or joins a fan-in);
 * - `false`: incompatible.
 */
export type Connection = 'direct' | 'iterate' | 'wrap' | false;

export function connection(from: PortType, to: PortType): Connection {
  if (!itemCompatible(itemType(from), itemType(to))) return false;
  const fromList = isListType(from);
  const toList = isListType(to);
  if (fromList === toList) return 'direct';
  if (to === 'any' || to === 'json') return 'direct';
  return fromList ? 'iterate' : 'wrap';
}

/** Item-level compatibility: `any` joins anything; everything fits `json`; scalars read as text. */
export function itemCompatible(from: BasePortType, to: BasePortType): boolean {
  if (from === to || from === 'any' || to === 'any' || to === 'json') return true;
  return to === 'text' && (from === 'number' || from === 'boolean');
}

/** A zod schema for a value configured statically on an unwired port (`config[<port>]`). */
export function valueSchemaFor(type: PortType): z.ZodType {
  const item = itemValueSchema(itemType(type));
  return isListType(type) ? z.union([z.array(item), item]) : item;
}

function itemValueSchema(type: BasePortType): z.ZodType {
  switch (type) {
    case 'text':
      return z.union([z.string(), z.number(), z.boolean()]);
    case 'image':
    case 'video':
    case 'audio':
      return z.string().min(1, 'expected a URL, data URI or path');
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'json':
    case 'any':
      return z.unknown();
  }
}
