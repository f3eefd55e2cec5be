import type { ApiKeyView } from '../../service/index.js';

const day = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));

function status(key: ApiKeyView, now: Date): string {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** `keys list` as a table: one row per key, newest last as the service returns them. */
export function formatKeyTable(keys: ApiKeyView[], now = new Date()): string {
  const header = ['PREFIX', 'NAME', 'STATUS', 'SCOPES', 'CREATED', 'EXPIRES', 'REVOKED', 'LAST USED'];
  const rows = keys.map((key) => [
    key.prefix,
    key.name,
    status(key, now),
    key.scopes.join(','),
    day(key.createdAt),
    day(key.expiresAt),
    day(key.revokedAt),
    day(key.lastUsedAt),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
