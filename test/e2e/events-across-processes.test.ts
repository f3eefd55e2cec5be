import { afterEach, describe, expect, it } from 'vitest';
import { type SseFrame, SseReader } from '../support/sse.js';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { ADMIN_KEY, call } from './support/rest.js';
import { cleanUpWorkers, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

const openEvents = (base: string, executionId: string, lastEventId?: string) =>
  fetch(`${base}/api/v1/workflows/executions/${executionId}/events`, {
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }) },
  });

const nodeOf = (frame: SseFrame | undefined): unknown => frame?.data && JSON.parse(frame.data).nodeId;

/** Reads `reader` until the poster node has started (its fal job hangs there); returns what it read. */
async function untilPosterStarts(reader: SseReader): Promise<SseFrame[]> {
  const frames: SseFrame[] = [];
  while (frames.at(-1)?.event !== 'node.started' || nodeOf(frames.at(-1)) !== 'poster') frames.push((await reader.nextEvent())!);
  return frames;
}

/** The events other than progress (how many progress reports a fal job makes depends on timing), as [type, node]. */
const told = (frames: SseFrame[]) => frames.filter((frame) => frame.event !== 'node.progress').map((frame) => [frame.event, nodeOf(frame)]);

const ONE_RUN = [
  ['node.started', 'brief'],
  ['node.completed', 'brief'],
  ['node.started', 'caption'],
  ['node.completed', 'caption'],
  ['node.started', 'poster'],
  ['node.completed', 'poster'],
  ['node.started', 'result'],
  ['node.completed', 'result'],
  ['execution.completed', undefined],
];

/**
 * `serve --no-worker` streams what a `worker` on the same store writes: live (it hears nothing
 * in-process, so it reads the store) and resumed by a second client after Last-Event-ID 4.
 */
async function streamsAWorkersRun(extraEnv: Record<string, string> = {}): Promise<void> {
  const { standIns, env } = await standInHome(extraEnv);
  const api = await startApi(env);
  const created = await call(api.url, 'POST', '/workflows', GRAPH);
  const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
  const executionId: string = started.json.executionId;
  const live = new SseReader(await openEvents(api.url, executionId));
  await startWorker(env);

  const frames = await untilPosterStarts(live);
  const resumed = new SseReader(await openEvents(api.url, executionId, '4'));
  standIns.fal.knobs.hang = false;
  frames.push(...(await live.rest()));

  expect(told(frames)).toEqual(ONE_RUN);
  expect(frames.map((frame) => Number(frame.id))).toEqual(frames.map((_, i) => i + 1));
  const poster = frames.find((frame) => frame.event === 'node.completed' && nodeOf(frame) === 'poster')!;
  expect(JSON.parse(poster.data!)).toMatchObject({ status: 'COMPLETED', outputs: { images: [expect.stringMatching(/^https?:\/\//)] } });
  expect(await resumed.rest()).toEqual(frames.slice(4));
}

describe('built CLI: the event stream of a run another process executes', () => {
  afterEach(cleanUpWorkers);

  it('`serve --no-worker` streams what a `worker` on the same SQLite home writes, live and resumed, to the end', () => streamsAWorkersRun());

  it('a run taken over from a SIGKILLed worker streams on with ids counting up across both writers', async () => {
    const { standIns, env } = await standInHome();
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    const executionId: string = started.json.executionId;
    const live = new SseReader(await openEvents(api.url, executionId));
    const first = await startWorker(env);
    const frames = await untilPosterStarts(live);
    await startWorker(env);
    first.kill('SIGKILL');
    standIns.fal.knobs.hang = false;
    frames.push(...(await live.rest()));

    // The poster starts again under the new worker (docs/events.md), which re-attaches its fal job.
    expect(told(frames)).toEqual([...ONE_RUN.slice(0, 5), ['node.started', 'poster'], ...ONE_RUN.slice(5)]);
    expect(frames.map((frame) => Number(frame.id))).toEqual(frames.map((_, i) => i + 1));
    expect(standIns.fal.counters.submits).toBe(1);
  });
});

describe('built CLI: the event stream of a run another process executes, on PostgreSQL', () => {
  const newDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  it('`serve --no-worker` streams what a `worker` on the same database writes, live and resumed, to the end', async () =>
    streamsAWorkersRun({ PIPEWRIGHT_DATABASE_URL: await newDatabase() }));
});
