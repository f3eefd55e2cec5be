import { useEffect, useState } from 'react';
import { ExecutionGraph, type WorkflowGraph } from '../../shared/execution-graph.js';
import { type ApiError, apiGet, workflowPath } from './api.js';
import { canPreview } from './preview-rule.js';
import { type ExecutionSummary, RunList } from './run-list.js';

interface Workflow extends WorkflowGraph {
  id: string;
  name: string;
  description?: string;
  version: number;
  updatedAt: string;
}

const RECENT = 20;

/** /app/workflows/{id}: the workflow drawn, and its recent runs with links to each. */
export function WorkflowPage({ id, keyValue, onError }: { id: string; keyValue: string; onError: (error: ApiError) => void }) {
  const [workflow, setWorkflow] = useState<Workflow>();
  const [runs, setRuns] = useState<ExecutionSummary[]>();
  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({ workflowId: id, limit: String(RECENT) });
    Promise.all([
      apiGet<Workflow>(workflowPath(id), keyValue, controller.signal).then(setWorkflow),
      apiGet<{ data: ExecutionSummary[] }>(`/workflows/executions?${query}`, keyValue, controller.signal).then(({ data }) => setRuns(data)),
    ]).catch((error: ApiError) => controller.signal.aborted || onError(error));
    return () => controller.abort();
  }, [id, keyValue, onError]);
  return (
    <>
      <section className="pw-summary">
        <h1>{workflow?.name ?? id}</h1>
        {workflow && (
          <span>
            <code>{workflow.id}</code> · version {workflow.version} · {workflow.nodes.length} nodes · updated {new Date(workflow.updatedAt).toLocaleString()}
          </span>
        )}
        {workflow?.description && <p>{workflow.description}</p>}
      </section>
      <section className="pw-split">
        <div className="pw-canvas">{workflow && <ExecutionGraph graph={workflow} states={{}} canPreview={canPreview} />}</div>
        <div className="pw-side">
          <h2>Recent runs</h2>
          {runs && <RunList runs={runs} />}
        </div>
      </section>
    </>
  );
}
