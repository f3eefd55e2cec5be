/**
 * The run viewer's page for an execution (`pipewright serve` serves it at /app/, docs/events.md),
 * from where the server is: its root (`http://127.0.0.1:8787`, `https://host/pw`) or its API root
 * (`…/api/v1`, as PIPEWRIGHT_API_URL may be given).
 */
export function executionViewerUrl(serverUrl: string, executionId: string): string {
  const root = serverUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${root}/app/executions/${encodeURIComponent(executionId)}`;
}
