import type { ExecutionRecorder } from './contracts.js';

/**
 * The default when nothing durable is plugged in (the CLI, library use): the final state comes
 * back from `result`, so keeping every transition in memory would only grow a long-lived process.
 */
export class DiscardingRecorder implements ExecutionRecorder {
  async execution(): Promise<void> {}
  async node(): Promise<void> {}
}
