import { formatMs } from '../../shared/graph-node.js';
import type { ExecutionStatus } from '../../shared/node-state.js';
import { ROOT } from './api.js';

export interface ExecutionSummary {
  id: string;
  workflowId: string | null;
  status: ExecutionStatus;
  trigger: string;
  credits: number;
  createdAt: string;
  durationMs: number | null;
}

export const executionLink = (id: string) => `${ROOT}/app/executions/${encodeURIComponent(id)}`;
export const workflowLink = (id: string) => `${ROOT}/app/workflows/${encodeURIComponent(id)}`;

/** Runs, newest first, each linking to its drawing. */
export function RunList({ runs, showWorkflow }: { runs: readonly ExecutionSummary[]; showWorkflow?: boolean }) {
  if (runs.length === 0) return <p className="pw-hint">No runs yet.</p>;
  return (
    <table className="pw-runs">
      <thead>
        <tr>
          <th>Execution</th>
          {showWorkflow && <th>Workflow</th>}
          <th>Status</th>
          <th>Started</th>
          <th>Duration</th>
          <th>Credits</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-execution-id={run.id}>
            <td>
              <a href={executionLink(run.id)}>{run.id}</a>
            </td>
            {showWorkflow && <td>{run.workflowId ? <a href={workflowLink(run.workflowId)}>{run.workflowId}</a> : 'inline graph'}</td>}
            <td>
              <span className={`pw-badge pw-${run.status.toLowerCase()}`}>{run.status}</span>
            </td>
            <td>{new Date(run.createdAt).toLocaleString()}</td>
            <td>{run.durationMs === null ? '–' : formatMs(run.durationMs)}</td>
            <td>{run.credits}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
