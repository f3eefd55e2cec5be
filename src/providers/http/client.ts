import type { Agent } from 'undici';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON when present. */
  body?: unknown;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The one seam to the network: adapters take it as a collaborator, tests may wrap it. */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Drops every connection at once, in-flight requests included (a process that stops). */
  destroy(): Promise<void>;
}

export interface HttpClientOptions {
  /** Generated images come back inline as base64 (OpenAI `b64_json`), so the cap is generous. */
  maxResponseBytes?: number;
  /** Non-streamed completions can think for minutes before the first byte; the caller's signal bounds the rest. */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

/**
 * Keep-alive connection pools (one per origin, inside one undici Agent) for provider APIs. Not
 * the guarded fetch of net/: provider hosts are the operator's configuration, not a workflow's,
 * and may legitimately be local (Ollama, a fake in tests). Redirects are not followed, so a
 * key sent in a header never travels to a host it was not meant for.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  // undici is loaded with the first provider call: it costs ~65 ms at start, and most processes
  // (`mcp`, `validate`, dry runs) never make one.
  let agent: Promise<Agent> | undefined;
  const connect = () =>
    (agent ??= import('undici').then(
      ({ Agent }) =>
        new Agent({
          keepAliveTimeout: 10_000,
          maxResponseSize: options.maxResponseBytes ?? 64 * 1024 * 1024,
          headersTimeout: options.headersTimeoutMs ?? 15 * 60_000,
          bodyTimeout: options.bodyTimeoutMs ?? 5 * 60_000,
        }),
    ));
  return {
    async send({ method, url, headers, body, signal }) {
      const [{ request }, dispatcher] = await Promise.all([import('undici'), connect()]);
      const response = await request(url, {
        dispatcher,
        method,
        signal,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
    },
    destroy: async () => (await connect()).destroy(),
  };
}
