import sharp from 'sharp';
import { silentWav } from '../../../src/nodes/model/silent-wav.js';
import { falEndpoint, falValidationDetail } from './fal-endpoints.js';
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server.js';
import { defaultKnobs, emptyCounters, phaseAfter, type JobCounters, type JobKnobs } from './job-knobs.js';
import type { FileKind } from './sample-output.js';

export interface FalFake extends FakeServer {
  knobs: JobKnobs;
  counters: JobCounters & { downloads: number };
  /** Endpoint ids submitted and accepted, in order. */
  submitted: { endpoint: string; input: unknown }[];
  /**
   * Submits refused: 422 on an input its stored schema refuses (an unknown key included: fal drops
   * those silently, so we must never send one), 404 on an endpoint with no stored schema.
   */
  refused: { endpoint: string; status: number; body: unknown }[];
}

interface Job {
  app: string;
  endpoint: string;
  input: Record<string, unknown>;
  polls: number;
  cancelled: boolean;
}

/**
 * What fal's CDN serves for output files, by kind: a real 64×48 PNG (so downstream image nodes can
 * decode it), the start of an MP4 (its `ftyp` box), a real WAV.
 */
const FILES: Readonly<Record<string, { bytes: Uint8Array; contentType: string }>> = {
  png: {
    bytes: await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .png()
      .toBuffer(),
    contentType: 'image/png',
  },
  mp4: { bytes: Buffer.from('000000186674797069736f6d0000020069736f6d6d703432', 'hex'), contentType: 'video/mp4' },
  wav: { bytes: silentWav(), contentType: 'audio/wav' },
};
const EXTENSIONS: Readonly<Record<FileKind, string>> = { image: 'png', video: 'mp4', audio: 'wav' };

/**
 * The fal queue as documented (https://fal.ai/docs/api-reference/inference-api): submit on the full
 * endpoint id; status, result and cancel on owner/app only — a sub-path there is a 404, as a
 * client that builds those URLs wrongly would find out against fal.
 */
export async function startFalFake(apiKey: string): Promise<FalFake> {
  const knobs = defaultKnobs();
  const counters = { ...emptyCounters(), downloads: 0 };
  const submitted: FalFake['submitted'] = [];
  const refused: FalFake['refused'] = [];
  const jobs = new Map<string, Job>();
  const server = await startFakeServer((request) => {
    if (request.method === 'GET' && request.segments[0] === 'files') return download(request.segments[1] ?? '');
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
    if (request.method === 'GET' && action === undefined) return result(id, job);
    if (request.method === 'PUT' && action === 'cancel') return cancel(job);
    return { status: 405, body: { detail: 'Method Not Allowed' } };
  });

  function submit(request: FakeRequest): FakeReply {
    const endpoint = request.segments.join('/');
    const known = falEndpoint(endpoint);
    if (known === undefined) return refuse(endpoint, 404, { detail: `Application '${endpoint}' not found` });
    const parsed = known.input.safeParse(request.body);
    if (!parsed.success) return refuse(endpoint, 422, { detail: falValidationDetail(parsed.error) });
    counters.submits++;
    const id = `req-${counters.submits}`;
    const app = request.segments.slice(0, 2).join('/');
    jobs.set(id, { app, endpoint, input: request.body as Record<string, unknown>, polls: 0, cancelled: false });
    submitted.push({ endpoint, input: request.body });
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

  function result(id: string, job: Job): FakeReply {
    counters.results++;
    if (job.cancelled) return { status: 400, body: { detail: 'Request was cancelled' } };
    if (knobs.failWith !== undefined)
      return { status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: knobs.failWith, type: 'content_policy_violation' }] } };
    return { status: 200, body: falEndpoint(job.endpoint)!.output(job.input, (index, kind) => `${server.url}/files/${id}-${index}.${EXTENSIONS[kind]}`) };
  }

  function refuse(endpoint: string, status: number, body: unknown): FakeReply {
    refused.push({ endpoint, status, body });
    return { status, body };
  }

  function download(name: string): FakeReply {
    const file = FILES[name.split('.').pop() ?? ''];
    if (file === undefined) return { status: 404, body: { detail: 'Not Found' } };
    counters.downloads++;
    return { status: 200, bytes: file.bytes, headers: { 'content-type': file.contentType } };
  }

  function cancel(job: Job): FakeReply {
    counters.cancels++;
    job.cancelled = true;
    return { status: 202, body: { status: 'CANCELLATION_REQUESTED' } };
  }

  return Object.assign(server, { knobs, counters, submitted, refused });
}
