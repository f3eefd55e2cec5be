import { z } from 'zod';

/**
 * One event of an execution's stream (docs/events.md "The event stream (SSE)"): its `id`, which
 * counts up within the execution, its type, and its JSON data (`executionId`, `nodeId` on node
 * events, `status`, and `outputs`, `error`, `progress`, `credits`, `durationMs` where they exist).
 */
export const ExecutionEventSchema = z.object({
  id: z.number().int().positive().describe('Counts up from 1 within the execution; resume after it with Last-Event-ID'),
  type: z
    .enum([
      'node.started',
      'node.progress',
      'node.completed',
      'node.failed',
      'node.skipped',
      'node.cancelled',
      'execution.completed',
      'execution.failed',
      'execution.cancelled',
    ])
    .describe('What happened'),
  data: z.record(z.string(), z.unknown()).describe('executionId, nodeId, status, and outputs, error, progress, credits, durationMs where they exist'),
});
export type ExecutionEvent = z.infer<typeof ExecutionEventSchema>;

/** The events after which an execution's stream ends: exactly one of them comes, last. */
export const FINAL_EVENT_TYPES: ReadonlySet<string> = new Set(['execution.completed', 'execution.failed', 'execution.cancelled']);

/** A `Last-Event-ID` (header or `?lastEventId=`): an event id, or 0 for "from the start". */
export const LastEventIdSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
