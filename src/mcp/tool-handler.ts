import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { publicError } from '../errors/index.js';
import { errorResult } from './error-result.js';

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Wraps a tool's work so that every failure becomes an `isError` result the model can act on.
 * Errors whose message is withheld from the client (bugs, operational faults) also go
 * to the server's `onerror` (stderr for stdio, the server log for `/mcp`).
 */
export function guarded<Args>(server: McpServer, work: (args: Args, extra: ToolExtra) => Promise<CallToolResult>) {
  return async (args: Args, extra: ToolExtra): Promise<CallToolResult> => {
    try {
      return await work(args, extra);
    } catch (error) {
      reportWithheld(server, error);
      return errorResult(error);
    }
  };
}

export function reportWithheld(server: McpServer, error: unknown): void {
  if (publicError(error) === undefined) server.server.onerror?.(error instanceof Error ? error : new Error(String(error)));
}
