import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { ArtifactUrlRenderer, Backend } from '../backend/index.js';
import { formatTextPath, illFormedTextAt } from '../graph/index.js';
import { InFlightCalls } from './in-flight.js';
import { createServer } from './server.js';
import { spendPerToolCall } from './tool-call-budget.js';

export interface McpHttpOptions {
  version: string;
  /**
   * The backend one request acts through, and who it acts for: authenticate the request here
   * (throwing the PipewrightError the mount point maps to 401/403). The backend is closed when
   * the request's response ends; `caller` (a key id) decides whose calls a
   * `notifications/cancelled` may reach; `spendToolCall`, when given, is spent by every tool call
   * and refuses it by throwing (./tool-call-budget.ts).
   */
  backendFor: (request: Request) => Promise<{ backend: Backend; caller: string; spendToolCall?: () => Promise<void> }>;
  /** Browser origins allowed to call; a request carrying any other `Origin` is refused (DNS rebinding, CSRF). Default none. */
  allowedOrigins?: readonly string[];
  /** The workflow templates to serve as resources (see CreateServerOptions); the cli passes the bundled ones. */
  templatesDir: string;
  /** How results show stored files (see CreateServerOptions); `serve` passes the REST face's signed URLs. */
  artifactUrls?: ArtifactUrlRenderer;
  /** `serve`'s public URL, for run viewer links (see CreateServerOptions). */
  viewerServerUrl?: string;
  onError?: (error: Error) => void;
}

/**
 * Streamable HTTP, stateless: each request gets its own server and transport over the backend
 * `backendFor` gives it, so no session outlives the request that authenticated it. Progress
 * notifications stream back as SSE on the POST's response; a `notifications/cancelled`, sent in
 * a POST of its own, is routed to the call it names. Mount with web-standard routers (Hono):
 * `app.all('/mcp', (c) => handler(c.req.raw))`.
 */
export function createMcpHttpHandler(options: McpHttpOptions): (request: Request) => Promise<Response> {
  const calls = new InFlightCalls();
  return async (request) => {
    const origin = request.headers.get('origin');
    if (origin !== null && !(options.allowedOrigins ?? []).includes(origin)) return refusal(403, `Origin ${origin} is not allowed to call this MCP server`);
    // Read from a copy: the transport reads the body itself, and answers one that is not JSON.
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => undefined);
    const illFormed = illFormedTextAt(body);
    if (illFormed !== undefined) return notWellFormed(body, formatTextPath(illFormed));
    const { backend, caller, spendToolCall } = await options.backendFor(request);
    calls.cancel(caller, body);
    const { server, cleanup } = createServer({
      backend,
      version: options.version,
      templatesDir: options.templatesDir,
      // The server lives for this request: nothing would be left to send a later update on.
      subscriptions: false,
      ...(options.artifactUrls !== undefined && { artifactUrls: options.artifactUrls }),
      ...(options.viewerServerUrl !== undefined && { viewerServerUrl: options.viewerServerUrl }),
      ...(options.onError !== undefined && { onError: options.onError }),
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??=
        (forget(),
        server
          .close()
          .then(cleanup)
          .then(() => backend.close())));
    const forget = calls.track(caller, body, { deliver: (message) => transport.onmessage?.(message), close });
    request.signal.addEventListener('abort', () => void close(), { once: true });
    try {
      await server.connect(transport);
      if (spendToolCall !== undefined) spendPerToolCall(transport, spendToolCall, options.onError);
      return closeWhenSent(await transport.handleRequest(request), close);
    } catch (error) {
      await close();
      throw error;
    }
  };
}

/** The server lives as long as its response: an SSE body is passed through and the server closed once it ends. */
function closeWhenSent(response: Response, close: () => Promise<void>): Response {
  if (response.body === null) {
    void close();
    return response;
  }
  const body = response.body.pipeThrough(new TransformStream({ flush: () => void close() }));
  return new Response(body, response);
}

/** As the REST face: text that cannot be stored as sent is refused, naming where it is (JSON-RPC invalid params). */
function notWellFormed(body: unknown, field: string): Response {
  const id = typeof body === 'object' && body !== null && Object.hasOwn(body, 'id') ? (body as { id: unknown }).id : null;
  const message = `${field}: text must be well-formed UTF-16; a lone surrogate (an unpaired \\uD800–\\uDFFF escape) cannot be stored as sent`;
  return Response.json({ jsonrpc: '2.0', id: id ?? null, error: { code: -32602, message, data: { code: 'invalid_field', field } } }, { status: 400 });
}

function refusal(status: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status });
}
