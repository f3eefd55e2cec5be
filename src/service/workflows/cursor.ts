import { PipewrightError } from '../../errors/index.js';
import type { ListPosition } from '../../store/index.js';

// Opaque to clients: base64url of the last row's sort key. Its shape may change freely.

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return { createdAt: value[0] as string, id: value[1] as string };
    }
  } catch {
    // Falls through to the one error below: a cursor is either ours or invalid.
  }
  throw new PipewrightError('invalid_field', 'cursor is not one this server returned', { details: { field: 'cursor' } });
}
