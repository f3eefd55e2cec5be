import type { Backend } from '../../backend/index.js';

export interface RunOptions {
  input: Record<string, string>;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  target?: string;
}

/** What both forms of `run` (a file, a saved workflow) ask of the execution. */
export function runRequest(options: RunOptions) {
  return {
    inputs: options.input,
    dryRun: options.dryRun === true,
    force: options.force === true,
    ...(options.target === undefined ? {} : { targetNodeId: options.target }),
  };
}

/** Ctrl-C while waiting cancels the execution; the wait then ends with the state it stopped in. */
export async function cancelOnInterrupt<T>(backend: Backend, executionId: string, wait: () => Promise<T>): Promise<T> {
  const interrupt = () => void backend.cancelExecution(executionId);
  process.once('SIGINT', interrupt);
  try {
    return await wait();
  } finally {
    process.off('SIGINT', interrupt);
  }
}
