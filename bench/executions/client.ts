import { Pool } from 'undici';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  /** With a fresh `Idempotency-Key`, as every start of an execution is sent. */
  post<T>(path: string, body: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The REST API over an undici pool on 127.0.0.1, for the hand-rolled loops (autocannon cannot
 * follow a POST with polls of what it answered). Anything but a 2xx throws: a figure made of
 * errors would flatter the server.
 */
export function apiClient(baseUrl: string, key: string, clients: number): ApiClient {
  // One keep-alive connection per client: none waits for a socket.
  const pool = new Pool(baseUrl, { connections: clients });
  const authorization = `Bearer ${key}`;
  const send = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { authorization };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() });
    const response = await pool.request({ method, path: `/api/v1${path}`, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) throw new Error(`${method} ${path} answered ${response.statusCode}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    close: () => pool.close(),
  };
}
