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

const STATUS: Record<string, string> = { started: 'RUNNING', progress: 'RUNNING', completed: 'COMPLETED' };
const event = (id: number, type: ExecutionEvent['type'], nodeId = 'a', progress?: number): ExecutionEvent => ({
  id,
  type,
  data: { executionId: 'exec_1', nodeId, status: STATUS[type.split('.')[1]!] ?? 'COMPLETED', ...(progress !== undefined && { progress }) },
});

type NodeSeen = { nodeId: string; status: string; progress: number | null };

function fakes(streamFor: (signal?: AbortSignal) => AsyncIterable<ExecutionEvent>, seen: { status?: string; nodes?: NodeSeen[] } = {}) {
  const polls: string[] = [];
  const polled: string[] = [];
  const backend = {
    pollExecution: async (id: string) => {
      polls.push(id);
      if (id !== 'exec_1') throw new PipewrightError('not_found', `No execution ${id}`);
      return { executionId: id, status: seen.status ?? 'RUNNING', nodeStates: seen.nodes ?? [], finalOutput: null, error: null };
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
    source.push(event(2, 'node.progress', 'a', 0.5));
    await expect.poll(() => told).toHaveLength(2);
    source.push(event(3, 'node.completed'));
    await expect.poll(() => told).toHaveLength(3);
    source.push(event(4, 'execution.completed'));
    source.push('end');
    await expect.poll(() => told).toHaveLength(4);
    expect(polls).toEqual(['exec_1']);
    await feed.close();
  });

  it('tells nothing for the replay of what had happened before the subscription, only what moves the run further', async () => {
    const nodes = [
      { nodeId: 'a', status: 'COMPLETED', progress: 1 },
      { nodeId: 'b', status: 'RUNNING', progress: 0.5 },
    ];
    const stream = (events: ExecutionEvent[]) =>
      fakes(
        async function* () {
          yield* events;
        },
        { nodes },
      );
    const past = [event(1, 'node.started', 'a'), event(2, 'node.completed', 'a'), event(3, 'node.started', 'b'), event(4, 'node.progress', 'b', 0.5)];
    for (const [events, expected] of [
      [past, false],
      [[...past, event(5, 'node.progress', 'b', 0.75)], true],
      [[...past, event(5, 'node.completed', 'b'), event(6, 'execution.completed', undefined)], true],
    ] as const) {
      const { backend, polling } = stream([...events]);
      let told = 0;
      const feed = createEventFeed({ backend, polling, onChange: async () => void told++ });
      await feed.watch('pipewright://executions/exec_1');
      await feed.close();
      expect(told > 0, `after ${events.length} events`).toBe(expected);
    }
  });

  it('follows nothing for an execution that has already ended', async () => {
    let opened = 0;
    const { backend, polling } = fakes(
      async function* () {
        opened++;
        yield* [];
      },
      { status: 'COMPLETED' },
    );
    const feed = createEventFeed({ backend, polling, onChange: async () => {} });
    await feed.watch('pipewright://executions/exec_1');
    await feed.close();
    expect(opened).toBe(0);
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
  it('follows once when two subscribes come at once, and follows nothing when unwatched during the first read', async () => {
    const source = eventSource();
    let opened = 0;
    let ended = 0;
    const { backend, polling } = fakes(async function* (signal) {
      opened++;
      try {
        yield* source.stream(signal);
      } finally {
        ended++;
      }
    });
    const feed = createEventFeed({ backend, polling, onChange: async () => {} });
    const uri = 'pipewright://executions/exec_1';
    await Promise.all([feed.watch(uri), feed.watch(uri)]);
    expect(opened).toBe(1);
    feed.unwatch(uri);
    await expect.poll(() => ended).toBe(1);
    const watching = feed.watch(uri);
    feed.unwatch(uri);
    await watching;
    await feed.close();
    expect([opened, ended]).toEqual([1, 1]);
  });
});
