import { providerSchema } from '../schemas/index.js';
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server.js';
import { defaultKnobs, emptyCounters, phaseAfter, type JobCounters, type JobKnobs } from './job-knobs.js';
import { bodyProblem, inputProblem, UNKNOWN_VERSION } from './replicate-problems.js';

export interface ReplicateFake extends FakeServer {
  /** The API base to configure, `…/v1`. */
  apiUrl: string;
  knobs: JobKnobs;
  counters: JobCounters;
  created: { version: unknown; input: unknown }[];
  /** Creates refused with Replicate's 422 (test/providers/fakes/replicate-problems.ts). */
  refused: { version: unknown; body: unknown }[];
}

interface Job {
  version: string;
  input: unknown;
  polls: number;
  cancelled: boolean;
}

const STATUS = { queued: 'starting', running: 'processing', done: 'succeeded', cancelled: 'canceled', expired: 'aborted' } as const;

/**
 * Replicate predictions as documented (https://replicate.com/docs/topics/predictions): create
 * answers 201 with a `starting` prediction; get walks starting → processing → succeeded|failed;
 * cancel answers the prediction as `canceled`. Errors are `{detail}` bodies. `version` names a
 * model (`owner/name`, optionally `:version`) whose input is checked against its stored schema
 * (test/providers/schemas/replicate/); a refused input is a 422 as Replicate words it.
 */
export async function startReplicateFake(token: string): Promise<ReplicateFake> {
  const knobs = defaultKnobs();
  const counters = emptyCounters();
  const created: ReplicateFake['created'] = [];
  const refused: ReplicateFake['refused'] = [];
  const jobs = new Map<string, Job>();
  const server = await startFakeServer((request) => {
    counters.authHeaders.push(request.headers.authorization);
    if (request.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: { title: 'Unauthenticated', status: 401, detail: `Invalid token: ${request.headers.authorization ?? 'none'}` } };
    }
    const [v1, predictions, id, action] = request.segments;
    if (v1 !== 'v1' || predictions !== 'predictions') return { status: 404, body: { detail: 'Not found.' } };
    if (request.method === 'POST' && id === undefined) return create(request);
    const job = id === undefined ? undefined : jobs.get(id);
    if (!job || id === undefined) return { status: 404, body: { detail: 'Not found.' } };
    if (request.method === 'GET' && action === undefined) return { status: 200, body: poll(id, job) };
    if (request.method === 'POST' && action === 'cancel') return cancel(id, job);
    return { status: 405, body: { detail: 'Method not allowed.' } };
  });

  function create(request: FakeRequest): FakeReply {
    const { version, input } = (request.body ?? {}) as { version?: unknown; input?: unknown };
    const missing = [...(typeof version === 'string' ? [] : ['version']), ...(typeof input === 'object' && input !== null ? [] : ['input'])];
    if (typeof version !== 'string' || missing.length > 0) return refuse(version, bodyProblem(missing));
    const schema = providerSchema('replicate', version.split(':')[0]!);
    if (schema === undefined) return refuse(version, UNKNOWN_VERSION);
    const parsed = schema.input.safeParse(input);
    if (!parsed.success) return refuse(version, inputProblem(parsed.error));
    counters.submits++;
    created.push({ version, input });
    const id = `pred${counters.submits}`;
    const job = { version, input, polls: 0, cancelled: false };
    jobs.set(id, job);
    return { status: 201, body: prediction(id, job, 'starting') };
  }

  function refuse(version: unknown, body: unknown): FakeReply {
    refused.push({ version, body });
    return { status: 422, body };
  }

  function poll(id: string, job: Job): unknown {
    counters.polls++;
    job.polls++;
    const phase = phaseAfter(job.polls, knobs, job.cancelled);
    if (phase === 'done' && knobs.failWith !== undefined) return { ...prediction(id, job, 'failed'), error: knobs.failWith };
    if (phase === 'done') return { ...prediction(id, job, 'succeeded'), output: ['https://replicate.delivery/xezq/out-0.webp'] };
    return prediction(id, job, STATUS[phase]);
  }

  function cancel(id: string, job: Job): FakeReply {
    counters.cancels++;
    job.cancelled = true;
    return { status: 200, body: prediction(id, job, 'canceled') };
  }

  function prediction(id: string, job: Job, status: string): Record<string, unknown> {
    const url = `${server.url}/v1/predictions/${id}`;
    return {
      id,
      version: job.version,
      input: job.input,
      status,
      output: null,
      error: null,
      logs: status === 'processing' ? 'Using seed: 42\nloading weights\n' : '',
      created_at: '2025-01-01T00:00:00.000Z',
      urls: { get: url, cancel: `${url}/cancel` },
    };
  }

  return Object.assign(server, { apiUrl: `${server.url}/v1`, knobs, counters, created, refused });
}
