import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { protocolError } from '../error-result.js';
import { reportWithheld } from '../tool-handler.js';

export function jsonContents(uri: URL, value: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] };
}

/** Runs a read or list callback with failures mapped as for tools; withheld errors also go to the server's onerror. */
export function guardedRead<Args extends unknown[], Result>(server: McpServer, read: (...args: Args) => Promise<Result>) {
  return async (...args: Args): Promise<Result> => {
    try {
      return await read(...args);
    } catch (error) {
      reportWithheld(server, error);
      throw protocolError(error);
    }
  };
}
