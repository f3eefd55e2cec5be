import { PipewrightError, isPipewrightError } from '../errors/index.js';
import type { AdapterDeps } from './adapter-deps.js';
import { jobFailed, notConfigured } from './errors.js';
import { submitUncertain, type ResendRule } from './http/billed-requests.js';
import { createProviderTransport, type ProviderTransport } from './http/transport.js';
import { runJob, type JobProtocol } from './jobs/run-job.js';
import type { ProviderAdapter, ProviderCall, ProviderCallContext } from './provider.js';
import type { ProviderSettings } from './settings.js';

/**
 * fal's own client re-sends a queue submit on 429, 502, 503 and 504 (`QUEUE_RETRY_CONFIG` in
 * https://github.com/fal-ai/fal-js/blob/main/libs/client/src/queue.ts, codes in retry.ts beside
 * it). It re-sends after a dropped connection too; we do not, since that submit may have been
 * taken (http/billed-requests.ts).
 */
const FAL_SUBMIT: ResendRule = {
  statuses: [429, 502, 503, 504],
  lookIn: 'the request list of the fal dashboard (https://fal.ai/dashboard/requests)',
};

/**
 * fal queue API (https://fal.ai/docs/documentation/model-apis/inference/queue and
 * https://fal.ai/docs/api-reference/inference-api): POST {queue}/{endpoint} submits and answers
 * `request_id`; GET …/requests/{id}/status answers IN_QUEUE (with `queue_position`), IN_PROGRESS or
 * COMPLETED; GET …/requests/{id} is the result; PUT …/requests/{id}/cancel cancels. Auth is
 * `Authorization: Key $FAL_KEY`.
 */
export function createFalAdapter(settings: ProviderSettings['fal'], deps: AdapterDeps): ProviderAdapter {
  const transport =
    settings &&
    createProviderTransport({
      provider: 'fal',
      http: deps.http,
      headers: { authorization: `Key ${settings.apiKey}` },
      secrets: [settings.apiKey],
      retry: deps.retry,
    });
  return {
    id: 'fal',
    requiredEnv: ['FAL_KEY'],
    configured: () => settings !== undefined,
    async call(request, ctx) {
      if (!settings || !transport) throw notConfigured('fal', 'Set FAL_KEY to use fal models');
      return runJob(falJob(transport, settings.queueUrl, request, ctx), ctx, deps.jobs);
    },
  };
}

interface QueueStatus {
  status?: string;
  queue_position?: number;
  logs?: { message?: string }[] | null;
}

function falJob(transport: ProviderTransport, queueUrl: string, request: ProviderCall, ctx: ProviderCallContext): JobProtocol {
  // Status, result and cancel live under owner/app only, without the endpoint's sub-path
  // (https://fal.ai/docs/api-reference/inference-api, "Model IDs and paths"). They are built here
  // rather than taken from the submit response because a re-attaching process has only the id.
  const requests = `${queueUrl}/${appOf(request.endpoint)}/requests`;
  const report = statusReporter(ctx);
  return {
    async submit(signal) {
      const body = await transport.submit({ method: 'POST', url: `${queueUrl}/${request.endpoint}`, body: request.input, signal }, FAL_SUBMIT);
      const id = (body as { request_id?: unknown } | null)?.request_id;
      if (typeof id !== 'string' || id === '') throw submitUncertain('fal', FAL_SUBMIT, 'fal accepted it without a request_id');
      return id;
    },
    async check(id, signal) {
      const status = (await transport.json({ method: 'GET', url: `${requests}/${encodeURIComponent(id)}/status?logs=1`, signal })) as QueueStatus;
      report(status);
      // Only these two mean "not yet"; anything else is final, and the result endpoint tells how it ended.
      if (status.status === 'IN_QUEUE' || status.status === 'IN_PROGRESS') return { done: false };
      return { done: true, value: await result(transport, `${requests}/${encodeURIComponent(id)}`, id, signal) };
    },
    async cancel(id, signal) {
      await transport.once({ method: 'PUT', url: `${requests}/${encodeURIComponent(id)}/cancel`, signal });
    },
  };
}

/**
 * "If the model returned an error, this operation returns the same error"
 * (https://fal.ai/docs/inference-api/queue/result). fal re-queues runner failures itself, so a
 * completed request whose result is an error (4xx, or 5xx after our retries) failed for good.
 */
async function result(transport: ProviderTransport, url: string, id: string, signal: AbortSignal): Promise<unknown> {
  try {
    return await transport.json({ method: 'GET', url, signal });
  } catch (error) {
    const failedRun =
      isPipewrightError(error) && typeof error.details.status === 'number' && (error.code === 'provider_bad_request' || error.code === 'provider_unavailable');
    if (!failedRun) throw error;
    throw jobFailed('fal', id, String(error.details.providerError ?? `HTTP ${error.details.status}`));
  }
}

/** Reports queue position and state changes as progress, and new runner log lines as logs. */
function statusReporter(ctx: ProviderCallContext): (status: QueueStatus) => void {
  let last = '';
  let logsSeen = 0;
  return (status) => {
    const message = statusMessage(status);
    if (message && message !== last) ctx.progress(0, message);
    last = message;
    const logs = status.logs ?? [];
    for (const entry of logs.slice(logsSeen)) if (entry.message) ctx.log(entry.message);
    logsSeen = Math.max(logsSeen, logs.length);
  };
}

function statusMessage({ status, queue_position: position }: QueueStatus): string {
  if (status === 'IN_QUEUE') return position === undefined ? 'In the fal queue' : `In the fal queue at position ${position}`;
  return status === 'IN_PROGRESS' ? 'Running on fal' : '';
}

/** `owner/app[/path…]` → `owner/app`; refuses anything that is not a plain endpoint id. */
function appOf(endpoint: string): string {
  const parts = endpoint.split('/');
  if (parts.length < 2 || parts.some((part) => !/^[\w.-]+$/.test(part) || part === '.' || part === '..')) {
    throw new PipewrightError('provider_endpoint_invalid', `"${endpoint}" is not a fal endpoint id (owner/app[/path])`);
  }
  return `${parts[0]}/${parts[1]}`;
}
