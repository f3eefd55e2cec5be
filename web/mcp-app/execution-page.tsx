import { ExecutionGraph, type WorkflowGraph } from '../shared/execution-graph.js';
import { graphOfStates } from './follow-run.js';
import { type ReadResource, RunOutputs } from './run-outputs.js';
import type { RunState } from './run-state.js';

export interface PageProps {
  run?: RunState;
  graph?: WorkflowGraph | null;
  /** Why the page shows no run, or why following it stopped. */
  message?: string;
  readResource: ReadResource;
}

/**
 * The resource declares no outside origin (src/mcp/execution-app.ts), so the host's policy would
 * block any output file loaded inline: they show as links.
 */
const NO_INLINE_FILES = () => false;

/** Drawn inline in the host's conversation: tall enough for a graph, short enough not to take it over. */
const GRAPH_HEIGHT = 360;

export function ExecutionPage({ run, graph, message, readResource }: PageProps) {
  return (
    <main className="pw-app" data-execution-status={run?.status ?? 'NONE'}>
      {run && (
        <header className="pw-app-header">
          <span className="pw-app-status" data-status={run.status}>
            {run.status}
          </span>
          <code>{run.executionId}</code>
        </header>
      )}
      {run && (
        // React Flow fits the view once, when it mounts: the workflow's graph, once read, is drawn
        // afresh rather than in the view fitted to the stand-in.
        <ExecutionGraph
          key={graph ? 'workflow' : 'states'}
          graph={graph ?? graphOfStates(run)}
          states={run.states}
          canPreview={NO_INLINE_FILES}
          height={GRAPH_HEIGHT}
        />
      )}
      {run?.finalOutput && <RunOutputs outputs={run.finalOutput} readResource={readResource} />}
      {run?.error && <p className="pw-app-error">{run.error}</p>}
      {message && <p className="pw-app-message">{message}</p>}
    </main>
  );
}
