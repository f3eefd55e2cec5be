import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseReader } from '../support/sse.js';
import { createWorkflow, execute, pollUntil, UNLIMITED } from './exec-helpers.js';
import { startFakeLlm, type FakeLlm } from './fake-llm.js';
import { greetingFlow, llmChain } from './flows.js';
import { BASE, call, codeOf, KeyMaker, type TestServer, startTestServer } from './harness.js';

// GET /workflows/executions/{id}/events over real HTTP (docs/events.md "The event stream (SSE)").

let server: TestServer;
let llm: FakeLlm;
let keys: KeyMaker;

beforeAll(async () => {
  llm = await startFakeLlm();
  server = await startTestServer({
    ...UNLIMITED,
    api: { ...UNLIMITED.api, eventStreamsPerAccount: 2, eventKeepAliveMs: 20 },
    env: { OPENAI_BASE_URL: llm.baseUrl },
  });
  keys = await KeyMaker.open(server.home);
});
afterAll(async () => {
  llm.release();
  await keys.close();
  await server.close();
  await llm.close();
});

function open(executionId: string, options: { lastEventId?: number; via?: 'header' | 'query'; key?: string; signal?: AbortSignal } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.key ?? server.adminKey}`, Accept: 'text/event-stream' };
  let query = '';
  if (options.lastEventId !== undefined) {
    if (options.via === 'query') query = `?lastEventId=${options.lastEventId}`;
    else headers['Last-Event-ID'] = String(options.lastEventId);
  }
  return fetch(`${server.url}${BASE}/workflows/executions/${executionId}/events${query}`, { headers, ...(options.signal && { signal: options.signal }) });
}

async function readAll(executionId: string, options: Parameters<typeof open>[1] = {}) {
  const response = await open(executionId, options);
  expect(response.status).toBe(200);
  return new SseReader(response).rest();
}

async function finishedGreeting(): Promise<string> {
  const workflow = await createWorkflow(server, greetingFlow());
  const { executionId } = (await execute(server, workflow.id, { inputs: { name: 'Ada' } })).body;
  await pollUntil(server, executionId);
  return executionId;
}

describe('a finished execution', () => {
  it('replays every event in order with ids 1…n, then ends', async () => {
    const executionId = await finishedGreeting();
    const response = await open(executionId);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = await new SseReader(response).rest();
    expect(frames.map((frame) => [frame.event, frame.data && JSON.parse(frame.data).nodeId])).toEqual([
      ['node.started', 'name'],
      ['node.completed', 'name'],
      ['node.started', 'greet'],
      ['node.completed', 'greet'],
      ['node.started', 'out'],
      ['node.completed', 'out'],
      ['execution.completed', undefined],
    ]);
    expect(frames.map((frame) => frame.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const data = frames.map((frame) => JSON.parse(frame.data!));
    expect(data[3]).toMatchObject({ executionId, nodeId: 'greet', status: 'COMPLETED', outputs: { prompt: 'Hello Ada' }, credits: 0 });
    expect(data[6]).toMatchObject({ executionId, status: 'COMPLETED', outputs: { greeting: 'Hello Ada' }, credits: 0 });
  });

  it('resumes after every position, by header or query, with nothing repeated or lost', async () => {
    const executionId = await finishedGreeting();
    const all = await readAll(executionId);
    for (let position = 0; position <= all.length; position++) {
      const via = position % 2 === 0 ? 'header' : 'query';
      expect(await readAll(executionId, { lastEventId: position, via }), `after ${position} (${via})`).toEqual(all.slice(position));
    }
  });
});

describe('a running execution', () => {
  it('streams events as they are written, keep-alive comments between, and ends with the run', async () => {
    llm.knobs.hold = true;
    try {
      const workflow = await createWorkflow(server, llmChain(2, 'live'));
      const { executionId } = (await execute(server, workflow.id)).body;
      const reader = new SseReader(await open(executionId));
      const seen: string[] = [];
      for (
        let frame = await reader.nextEvent();
        frame?.event !== 'node.started' || JSON.parse(frame.data!).nodeId !== 'llm1';
        frame = await reader.nextEvent()
      ) {
        seen.push(frame!.event!);
      }
      expect(seen).toEqual(['node.started', 'node.completed']);
      // The run waits on the held model call: the stream is idle, and says so.
      let frame = await reader.next();
      while (frame?.comment === undefined) frame = await reader.next();
      expect(frame.comment).toBe('keep-alive');
      llm.release();
      llm.knobs.hold = false;
      const rest = await reader.rest();
      expect(rest.map((f) => f.event)).toEqual(['node.completed', 'node.started', 'node.completed', 'node.started', 'node.completed', 'execution.completed']);
      expect(rest.map((f) => Number(f.id))).toEqual([4, 5, 6, 7, 8, 9]);
    } finally {
      llm.knobs.hold = false;
      llm.release();
    }
  });

  it('frees a stream when its client goes away, and holds each account to its open-stream limit', async () => {
    llm.knobs.hold = true;
    try {
      const workflow = await createWorkflow(server, llmChain(1, 'limit'));
      const { executionId } = (await execute(server, workflow.id)).body;
      const first = new AbortController();
      const readers = [new SseReader(await open(executionId, { signal: first.signal })), new SseReader(await open(executionId))];
      for (const reader of readers) expect((await reader.nextEvent())?.event).toBe('node.started');
      const refused = await call(server, 'GET', `/workflows/executions/${executionId}/events`);
      expect(refused.status).toBe(429);
      expect(codeOf(refused)).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another account has streams of its own to open (and sees nothing of this run).
      const other = await keys.otherAccount();
      expect((await open(executionId, { key: other })).status).toBe(404);

      first.abort();
      let reopened = await open(executionId);
      while (reopened.status === 429) {
        await reopened.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 20));
        reopened = await open(executionId);
      }
      expect(reopened.status).toBe(200);
      await reopened.body?.cancel();
      await readers[1]!.cancel();
    } finally {
      llm.knobs.hold = false;
      llm.release();
    }
  });
});

describe('shutdown', () => {
  it('ends open streams when the server starts to close, so their connections close with the rest', async () => {
    const closing = await startTestServer({ ...UNLIMITED, env: { OPENAI_BASE_URL: llm.baseUrl } });
    llm.knobs.hold = true;
    try {
      const workflow = await createWorkflow(closing, llmChain(1, 'shutdown'));
      const { executionId } = (await execute(closing, workflow.id)).body;
      const response = await fetch(`${closing.url}${BASE}/workflows/executions/${executionId}/events`, {
        headers: { Authorization: `Bearer ${closing.adminKey}` },
      });
      const reader = new SseReader(response);
      expect((await reader.nextEvent())?.event).toBe('node.started');
      const closed = closing.close();
      // A clean end of the stream, not a connection cut when the grace period runs out.
      await expect(reader.rest()).resolves.toBeInstanceOf(Array);
      llm.release();
      await closed;
    } finally {
      llm.knobs.hold = false;
      llm.release();
    }
  });
});

describe('refusals', () => {
  it('answers 404 for an unknown id, 400 for a Last-Event-ID that is not an event id, 403 without executions:read', async () => {
    const executionId = await finishedGreeting();
    expect(codeOf(await call(server, 'GET', '/workflows/executions/exec_missing/events'))).toBe('not_found');
    const bad = await call(server, 'GET', `/workflows/executions/${executionId}/events`, { headers: { 'Last-Event-ID': 'abc' } });
    expect([bad.status, codeOf(bad)]).toEqual([400, 'invalid_field']);
    const readOnlyWorkflows = await keys.key({ scopes: ['workflows:read'] });
    expect(codeOf(await call(server, 'GET', `/workflows/executions/${executionId}/events`, { key: readOnlyWorkflows }))).toBe('missing_scope');
  });
});
