import { createHash } from 'node:crypto';
import { PipewrightError } from '../errors/index.js';
import type { ExecuteBody, SaveBody, ScratchExecuteBody } from '../service/index.js';

/** The tag of workflows saved from an inline graph so it could run. */
export const SCRATCH_TAG = 'scratch';

/** An execute body without a workflow id, split into the workflow to save and the rest of the execute body. */
export interface InlineRun {
  workflow: SaveBody;
  execute: ExecuteBody;
}

/**
 * Executions always belong to a stored workflow version (a rerun is reproducible), so an inline
 * graph is saved first as a workflow tagged `scratch`. Everything here is derived from the body
 * alone, never the clock: a retried request must make the same save request.
 */
export function inlineRun(body: ScratchExecuteBody): InlineRun {
  const { nodes, edges, name, ...execute } = body;
  if (nodes === undefined) {
    throw new PipewrightError('invalid_body', 'Give a workflow id, or nodes and edges (the graph to run) in the execute body', {
      details: { issues: [{ path: ['nodes'], message: 'Required without a workflow id: the nodes of the graph to run' }] },
    });
  }
  const graph = { nodes, edges: edges ?? [] };
  return { workflow: { name: name ?? `Scratch ${digest(JSON.stringify(graph)).slice(0, 8)}`, tags: [SCRATCH_TAG], ...graph }, execute };
}

/**
 * The `Idempotency-Key` of the save that precedes an inline execute, derived from the execute's
 * key so a retry replays the same created workflow. Hashed: any key of 1–255 characters gives one
 * that is still within that limit.
 */
export function scratchSaveKey(idempotencyKey: string): string {
  return `scratch-save:${digest(idempotencyKey)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
