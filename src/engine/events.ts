import type { ExecutionState, NodeState } from './states.js';

/** Every transition, emitted only after the recorder has written it. */
export type EngineEvent =
  | { type: 'execution'; executionId: string; at: string; state: ExecutionState }
  | { type: 'node'; executionId: string; at: string; node: NodeState }
  | { type: 'node-retry'; executionId: string; at: string; nodeId: string; attempt: number; delayMs: number; error: { code: string; message: string } }
  | { type: 'node-progress'; executionId: string; at: string; nodeId: string; progress: number; message?: string }
  | { type: 'node-log'; executionId: string; at: string; nodeId: string; message: string };

export type EngineListener = (event: EngineEvent) => void;
