import { useEffect, useState } from 'react';
import { ExecutionGraph } from '../../shared/execution-graph.js';
import { formatCredits, formatMs } from '../../shared/graph-node.js';
import type { ApiError } from './api.js';
import { type ExecutionView, followExecution } from './execution-feed.js';
import { canPreview } from './preview-rule.js';
import { workflowLink } from './run-list.js';

const FEED_LABEL: Record<ExecutionView['feed'], string> = { loading: 'loading…', events: 'live', polling: 'live (polling)', ended: 'finished' };

/** /app/executions/{id}: the run's graph, kept current until the run ends. */
export function ExecutionPage({ id, keyValue, onError }: { id: string; keyValue: string; onError: (error: ApiError) => void }) {
  const [view, setView] = useState<ExecutionView>({ states: {}, feed: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    void followExecution({ id, key: keyValue, signal: controller.signal, update: setView });
    return () => controller.abort();
  }, [id, keyValue]);
  useEffect(() => {
    if (view.error) onError(view.error);
  }, [view.error, onError]);
  const { detail, graph, status } = view;
  return (
    <>
      <section className="pw-summary">
        <h1>
          Execution <code>{id}</code>
        </h1>
        {status && (
          <span className={`pw-badge pw-${status.toLowerCase()}`} data-execution-status={status}>
            {status}
          </span>
        )}
        <span className="pw-feed" data-feed={view.feed}>
          {FEED_LABEL[view.feed]}
        </span>
        {detail?.workflowId && (
          <a href={workflowLink(detail.workflowId)}>
            workflow {detail.workflowId}
            {detail.workflowVersion !== null && ` v${detail.workflowVersion}`}
          </a>
        )}
        {detail && view.feed === 'ended' && (
          <span>
            {formatCredits(detail.credits)}
            {detail.durationMs !== null && ` · ${formatMs(detail.durationMs)}`}
          </span>
        )}
        {view.feed === 'ended' && detail?.error?.message && <span className="pw-error-inline">{detail.error.message}</span>}
      </section>
      {view.error && <p className="pw-notice">{view.error.message}</p>}
      <section className="pw-canvas">{graph && <ExecutionGraph graph={graph} states={view.states} canPreview={canPreview} />}</section>
    </>
  );
}
