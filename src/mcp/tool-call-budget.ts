import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isJSONRPCRequest, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { errorResult } from './error-result.js';

/**
 * Over HTTP a tool call is one request against the caller's budget (docs/api.md "MCP over HTTP");
 * `initialize`, the lists, notifications and the rest of the protocol's own traffic spend nothing.
 * Sits between the transport and the server: each `tools/call` spends first, and one the budget
 * refuses never reaches its tool but is answered as a tool result (`isError`, `rate_limited` with
 * its `retryAfter`), which a model reads and waits out, rather than an HTTP 429 the client takes
 * for a broken transport. Call after `server.connect(transport)`, which sets what this wraps.
 */
export function spendPerToolCall(transport: Transport, spend: () => Promise<void>, onError?: (error: Error) => void): void {
  const deliver = transport.onmessage;
  if (deliver === undefined) return;
  transport.onmessage = (message: JSONRPCMessage, extra) => {
    if (!isJSONRPCRequest(message) || message.method !== 'tools/call') return deliver(message, extra);
    spend().then(
      () => deliver(message, extra),
      (refusal: unknown) =>
        transport
          .send({ jsonrpc: '2.0', id: message.id, result: errorResult(refusal) })
          .catch((error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error)))),
    );
  };
}
