import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server.js';
import { defaultKnobs, emptyCounters, phaseAfter, type JobCounters, type JobKnobs } from './job-knobs.js';

export interface FalFake extends FakeServer {
  knobs: JobKnobs;
  counters: JobCounters;
  /** Endpoint ids submitted, in order. */
  submitted: { endpoint: string; input: unknown }[];
}

interface Job {
  app: string;
  polls: number;
  cancelled: boolean;
}

/**
 * The fal queue as documented (https://fal.ai/docs/api-reference/inference-api): submit on the full
 * endpoint id; status, result and cancel on owner/app only — a sub-path there is a 404, as a
 * client that builds those URLs wrongly would find out against fal.
 */
export async function startFalFake(apiKey: string): Promise<FalFake> {
  const knobs = defaultKnobs();
  const counters = emptyCounters();
  const submitted: FalFake['submitted'] = [];
  const jobs = new Map<string, Job>();
  const server = await startFakeServer((request) => {
    counters.authHeaders.push(request.headers.authorization);
    if (request.headers.authorization !== `Key ${apiKey}`) {
      // Echoes what it got, like a careless provider: the adapter must not pass it on.
      return { status: 401, body: { detail: `Invalid credentials: ${request.headers.authorization ?? 'none'}` } };
    }
    const [owner, app, requests, id, action] = request.segments;
    if (request.method === 'POST' && owner && app && requests !== 'requests') return submit(request);
    if (requests !== 'requests' || !owner || !app || id === undefined || request.segments.length > 5) return { status: 404, body: { detail: 'Not Found' } };
    const job = jobs.get(id);
    if (!job || job.app !== `${owner}/${app}`) return { status: 404, body: { detail: 'Request not found' } };
    if (request.method === 'GET' && action === 'status') return status(id, job, request);
    if (request.method === 'GET' && action === undefined) return result(job);
    if (request.method === 'PUT' && action === 'cancel') return cancel(job);
    return { status: 405, body: { detail: 'Method Not Allowed' } };
  });

  function submit(request: FakeRequest): FakeReply {
    counters.submits++;
    const id = `req-${counters.submits}`;
    const app = request.segments.slice(0, 2).join('/');
    jobs.set(id, { app, polls: 0, cancelled: false });
    submitted.push({ endpoint: request.segments.join('/'), input: request.body });
    const base = `${server.url}/${app}/requests/${id}`;
    return { status: 200, body: { request_id: id, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel`, queue_position: 0 } };
  }

  function status(id: string, job: Job, request: FakeRequest): FakeReply {
    counters.polls++;
    job.polls++;
    const phase = phaseAfter(job.polls, knobs, job.cancelled);
    const logs = request.query.get('logs') === '1' ? [{ message: 'loading model', level: 'INFO', timestamp: '2025-01-01T00:00:00Z' }] : undefined;
    const base = `${server.url}/${job.app}/requests/${id}`;
    if (phase === 'queued') return { status: 202, body: { status: 'IN_QUEUE', queue_position: 2, response_url: base } };
    if (phase === 'running') return { status: 202, body: { status: 'IN_PROGRESS', response_url: base, logs } };
    return { status: 200, body: { status: 'COMPLETED', response_url: base, logs } };
  }

  function result(job: Job): FakeReply {
    counters.results++;
    if (job.cancelled) return { status: 400, body: { detail: 'Request was cancelled' } };
    if (knobs.failWith !== undefined) return { status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: knobs.failWith, type: 'content_policy_violation' }] } };
    return { status: 200, body: { images: [{ url: 'https://fal.media/files/cat.png', width: 1024, height: 1024, content_type: 'image/png' }], seed: 42 } };
  }

  function cancel(job: Job): FakeReply {
    counters.cancels++;
    job.cancelled = true;
    return { status: 202, body: { status: 'CANCELLATION_REQUESTED' } };
  }

  return Object.assign(server, { knobs, counters, submitted });
}
