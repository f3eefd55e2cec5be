import { FINISHED_EXECUTION_STATUSES, FINISHED_NODE_STATUSES, type PollView } from '../backend/index.js';

/** One paragraph a model can act on: where the execution is, what failed, and what to call next. */
export function summarizeExecution(view: PollView): string {
  const done = view.nodeStates.filter((node) => FINISHED_NODE_STATUSES.has(node.status)).length;
  const head = `Execution ${view.executionId} ${view.status}: ${done}/${view.nodeStates.length} node(s) finished.`;
  const failed = view.nodeStates.filter((node) => node.status === 'FAILED').map((node) => `${node.nodeId}: ${node.error ?? 'failed'}`);
  const failures = failed.length > 0 ? ` Failed: ${failed.join('; ')}.` : view.error ? ` ${view.error}` : '';
  return `${head}${failures} ${nextStep(view)}`;
}

function nextStep(view: PollView): string {
  if (!FINISHED_EXECUTION_STATUSES.has(view.status)) return `Call poll_execution with executionId ${view.executionId} in a few seconds.`;
  if (view.status === 'COMPLETED') return 'Outputs are in finalOutput and nodeStates; stored files are linked as pipewright://artifacts/… resources.';
  if (view.status === 'FAILED') return 'get_execution has per-node errors and logs; fix the cause and execute again (completed nodes are cached).';
  return 'It was cancelled; execute again to rerun it.';
}
