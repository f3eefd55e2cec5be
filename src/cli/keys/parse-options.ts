import { PipewrightError } from '../../errors/index.js';
import type { Scope } from '../../service/index.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

function invalid(field: string, message: string): PipewrightError {
  return new PipewrightError('invalid_field', message, { details: { field } });
}

/** `--expires`: a span from now (`90m`, `12h`, `30d`, `2w`) or an ISO 8601 date. */
export function parseExpires(raw: string, now = new Date()): Date {
  const span = /^([1-9][0-9]{0,5})([mhdw])$/.exec(raw);
  if (span) return new Date(now.getTime() + Number(span[1]) * UNIT_MS[span[2] as keyof typeof UNIT_MS]);
  const date = /^\d{4}-\d{2}-\d{2}/.test(raw) ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw invalid('expires', `--expires takes a span like 30d, 12h, 90m, 2w or an ISO date, got "${raw}"`);
  return date;
}

/** `--scopes a,b`: checked against the known scopes by the key service. */
export function parseScopes(raw: string): Scope[] {
  return raw
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '') as Scope[];
}
