import { useEffect, useState } from 'react';
import { type ApiError, apiGet } from './api.js';
import { type ExecutionSummary, RunList } from './run-list.js';

/** /app/: the account's recent runs. */
export function HomePage({ keyValue, onError }: { keyValue: string; onError: (error: ApiError) => void }) {
  const [runs, setRuns] = useState<ExecutionSummary[]>();
  useEffect(() => {
    const controller = new AbortController();
    apiGet<{ data: ExecutionSummary[] }>('/workflows/executions?limit=20', keyValue, controller.signal)
      .then(({ data }) => setRuns(data))
      .catch((error: ApiError) => controller.signal.aborted || onError(error));
    return () => controller.abort();
  }, [keyValue, onError]);
  return (
    <section className="pw-summary pw-home">
      <h1>Recent runs</h1>
      {runs && <RunList runs={runs} showWorkflow />}
    </section>
  );
}
