import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { PipewrightError } from '../../errors/index.js';

/** A template variable as one string: `{id}` matches one path segment, so a list here is a malformed URI. */
export function variable(variables: Variables, name: string): string {
  const value = variables[name];
  if (typeof value !== 'string' || value === '') throw new PipewrightError('not_found', `The URI has no ${name}`);
  return decodeURIComponent(value);
}
