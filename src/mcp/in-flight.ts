import { isJSONRPCNotification, isJSONRPCRequest, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';

/** A call being handled: its server, to hand a message to as if it came with the call, and to close. */
export interface HandledCall {
  deliver(message: JSONRPCMessage): void;
  close(): Promise<void>;
}

interface Entry {
  call: HandledCall;
  /** The POST's requests not cancelled yet. */
  open: Set<RequestId>;
}

/**
 * The calls this process is handling over stateless Streamable HTTP, by caller and JSON-RPC id.
 * Each POST gets its own server, so a client's `notifications/cancelled` arrives at a server that
 * never saw the request it names: this is where it finds the one that did. A caller reaches only
 * its own calls, since every client counts its ids from 0.
 */
export class InFlightCalls {
  readonly #entries = new Map<string, Set<Entry>>();

  /** Registers the requests of one POST's `body`; the answer forgets them (call it once the call's server is closed). */
  track(caller: string, body: unknown, call: HandledCall): () => void {
    const ids = messagesOf(body)
      .filter(isJSONRPCRequest)
      .map((request) => request.id);
    const entry: Entry = { call, open: new Set(ids) };
    const keys = ids.map((id) => keyOf(caller, id));
    for (const key of keys) this.#entries.set(key, (this.#entries.get(key) ?? new Set<Entry>()).add(entry));
    return () => {
      for (const key of keys) {
        const entries = this.#entries.get(key);
        entries?.delete(entry);
        if (entries?.size === 0) this.#entries.delete(key);
      }
    };
  }

  /**
   * Hands each cancellation in a POST's `body` to the caller's call it names. A cancelled request
   * is never answered, so a call left with nothing to answer is closed: its stream would stay open.
   */
  cancel(caller: string, body: unknown): void {
    for (const message of messagesOf(body)) {
      const requestId = cancelledRequestId(message);
      if (requestId === undefined) continue;
      for (const entry of [...(this.#entries.get(keyOf(caller, requestId)) ?? [])]) {
        entry.call.deliver(message as JSONRPCMessage);
        entry.open.delete(requestId);
        if (entry.open.size === 0) void entry.call.close();
      }
    }
  }
}

function keyOf(caller: string, id: RequestId): string {
  return JSON.stringify([caller, id]);
}

/** One message or a batch; anything else holds none. */
function messagesOf(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [body];
}

function cancelledRequestId(message: unknown): RequestId | undefined {
  if (!isJSONRPCNotification(message) || message.method !== 'notifications/cancelled') return undefined;
  const requestId = message.params?.requestId;
  return typeof requestId === 'string' || typeof requestId === 'number' ? requestId : undefined;
}
