import { describe, expect, it } from 'vitest';
import type { Backend, ExecutionEvent } from '../../src/backend/index.js';
import { PipewrightError } from '../../src/errors/index.js';
import type { ChangeFeed } from '../../src/mcp/subscriptions/change-feed.js';
import { createEventFeed } from '../../src/mcp/subscriptions/event-feed.js';

/** Events handed out one at a time by the test; `end()` closes the stream. */
function eventSource() {
  const queue: Array<ExecutionEvent | 'end'> = [];
  let wake: (() => void) | undefined;
  return {
    push(item: ExecutionEvent | 'end') {
      queue.push(item);
      wake?.();
    },
    async *stream(signal?: AbortSignal): AsyncGenerator<ExecutionEvent> {
      for (;;) {
        while (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            signal?.addEventListener('abort', () => resolve(), { once: true });
          });
          signal?.throwIfAborted();
        }
        const item = queue.shift()!;
        if (item === 'end') return;
        yield item;
      }
    },
  };
}

const event = (id: number, type: ExecutionEvent['type']): ExecutionEvent => ({ id, type, data: { executionId: 'exec_1' } });

function fakes(streamFor: (signal?: AbortSignal) => AsyncIterable<ExecutionEvent>) {
  const polls: string[] = [];
  const polled: string[] = [];
  const backend = {
    pollExecution: async (id: string) => {
      polls.push(id);
      if (id !== 'exec_1') throw new PipewrightError('not_found', `No execution ${id}`);
      return { executionId: id, status: 'RUNNING', nodeStates: [], finalOutput: null, error: null };
    },
    executionEvents: (_id: string, options?: { signal?: AbortSignal }) => streamFor(options?.signal),
  } as unknown as Backend;
  const polling: ChangeFeed = { watch: async (uri) => void polled.push(uri), unwatch: () => {}, close: async () => {} };
  return { backend, polls, polled, polling };
}

describe('the event feed of MCP subscriptions', () => {
  it('tells each event of a watched execution as it comes, reading the execution once, and ends with the run', async () => {
    const source = eventSource();
    const { backend, polls, polling } = fakes((signal) => source.stream(signal));
    const told: string[] = [];
    const feed = createEventFeed({ backend, polling, onChange: async (uri) => void told.push(uri) });
    await feed.watch('pipewright://executions/exec_1');
    source.push(event(1, 'node.started'));
    await expect.poll(() => told).toHaveLength(1);
    source.push(event(2, 'node.completed'));
    await expect.poll(() => told).toHaveLength(2);
    source.push(event(3, 'execution.completed'));
    source.push('end');
    await expect.poll(() => told).toHaveLength(3);
    expect(polls).toEqual(['exec_1']);
    await feed.close();
  });

  it('refuses an execution that is not the caller’s, and hands workflows and a server without the stream to polling', async () => {
    const { backend, polled, polling } = fakes(async function* () {
      yield* [];
      throw new PipewrightError('not_found', 'No route', { details: { status: 404 } });
    });
    const feed = createEventFeed({ backend, polling, onChange: async () => {} });
    await expect(feed.watch('pipewright://executions/exec_other')).rejects.toThrow(/No execution/);
    await feed.watch('pipewright://workflows/wf_1');
    await feed.watch('pipewright://executions/exec_1');
    await expect.poll(() => polled).toEqual(['pipewright://workflows/wf_1', 'pipewright://executions/exec_1']);
    await feed.close();
  });

  it('stops following on unwatch and on close, with nothing left running', async () => {
    const source = eventSource();
    let ended = 0;
    const { backend, polling } = fakes(async function* (signal) {
      try {
        yield* source.stream(signal);
      } finally {
        ended++;
      }
    });
    const feed = createEventFeed({ backend, polling, onChange: async () => {} });
    await feed.watch('pipewright://executions/exec_1');
    feed.unwatch('pipewright://executions/exec_1');
    await expect.poll(() => ended).toBe(1);
    await feed.watch('pipewright://executions/exec_1');
    await feed.close();
    expect(ended).toBe(2);
  });
});
