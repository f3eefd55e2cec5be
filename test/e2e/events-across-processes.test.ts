import { afterEach, describe, expect, it } from 'vitest';
import { SseReader } from '../support/sse.js';
import { ADMIN_KEY, call } from './support/rest.js';
import { cleanUpWorkers, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

const openEvents = (base: string, executionId: string, lastEventId?: string) =>
  fetch(`${base}/api/v1/workflows/executions/${executionId}/events`, {
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }) },
  });

describe('built CLI: the event stream of a run another process executes', () => {
  afterEach(cleanUpWorkers);

  it('`serve --no-worker` streams what a `worker` on the same home writes, live and resumed, to the end', async () => {
    const { standIns, env } = await standInHome();
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    const executionId: string = started.json.executionId;
    const live = new SseReader(await openEvents(api.url, executionId));
    await startWorker(env);

    // The fal job hangs: the stream has told everything up to the poster's start, and waits.
    const frames = [];
    while (frames.at(-1)?.event !== 'node.started' || JSON.parse(frames.at(-1)!.data!).nodeId !== 'poster') frames.push((await live.nextEvent())!);
    // A second client resumes after the caption's completion.
    const resumed = new SseReader(await openEvents(api.url, executionId, '4'));
    standIns.fal.knobs.hang = false;
    frames.push(...(await live.rest()));

    // The fal job's progress reports (how many depends on timing) come between the poster's start and end.
    const told = frames.filter((frame) => frame.event !== 'node.progress').map((frame) => [frame.event, JSON.parse(frame.data!).nodeId]);
    expect(told).toEqual([
      ['node.started', 'brief'],
      ['node.completed', 'brief'],
      ['node.started', 'caption'],
      ['node.completed', 'caption'],
      ['node.started', 'poster'],
      ['node.completed', 'poster'],
      ['node.started', 'result'],
      ['node.completed', 'result'],
      ['execution.completed', undefined],
    ]);
    expect(frames.map((frame) => Number(frame.id))).toEqual(frames.map((_, i) => i + 1));
    const poster = frames.find((frame) => frame.event === 'node.completed' && JSON.parse(frame.data!).nodeId === 'poster')!;
    expect(JSON.parse(poster.data!)).toMatchObject({ status: 'COMPLETED', outputs: { images: [expect.stringMatching(/^https?:\/\//)] } });
    expect(await resumed.rest()).toEqual(frames.slice(4));
  });
});
