// The REST calls the viewer makes (docs/api.md), with the key in the Authorization header.

/** The server's root: what comes before /app/ (a proxy may serve pipewright under a path). */
export const ROOT = location.pathname.slice(0, Math.max(0, location.pathname.indexOf('/app/')));
export const API = `${ROOT}/api/v1`;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before asking again (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function authHeaders(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}

export async function apiGet<T>(path: string, key: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${API}${path}`, { headers: { ...authHeaders(key), Accept: 'application/json' }, ...(signal && { signal }) });
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

/** The API's error body (`{error:{code,message}}`) as an ApiError; a body that is not one keeps the status. */
export async function apiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    body?.error?.code ?? `http_${response.status}`,
    body?.error?.message ?? `${response.status} ${response.statusText}`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

export const executionPath = (id: string) => `/workflows/executions/${encodeURIComponent(id)}`;
export const workflowPath = (id: string) => `/workflows/${encodeURIComponent(id)}`;
