import type { AdapterDeps } from './adapter-deps.js';
import { jobFailed, notConfigured, redact } from './errors.js';
import { submitUncertain, type ResendRule } from './http/billed-requests.js';
import { createProviderTransport, type ProviderTransport } from './http/transport.js';
import { runJob, type JobProtocol } from './jobs/run-job.js';
import type { ProviderAdapter, ProviderCall, ProviderCallContext } from './provider.js';
import type { ProviderSettings } from './settings.js';

/**
 * Replicate's own client re-sends a POST only on 429, a GET on 429 and 5xx (`shouldRetry` in
 * https://github.com/replicate/replicate-javascript/blob/main/index.js).
 */
const REPLICATE_CREATE: ResendRule = { statuses: [429], lookIn: 'your predictions at https://replicate.com/predictions' };

/**
 * Replicate predictions (https://replicate.com/docs/topics/predictions and the HTTP reference at
 * https://sdks.replicate.com/resources/predictions): POST /v1/predictions creates, GET
 * /v1/predictions/{id} reads, POST /v1/predictions/{id}/cancel cancels; `Authorization: Bearer`.
 * `version` takes `owner/name` (official models), `owner/name:version` or a bare version id
 * (https://replicate.com/changelog/2025-08-05-run-all-models-with-the-same-api-endpoint), so one
 * endpoint serves every catalog entry. `Prefer: wait` is not used: it would withhold the
 * prediction id until the model finishes, and the id must be stored before waiting.
 */
export function createReplicateAdapter(settings: ProviderSettings['replicate'], deps: AdapterDeps): ProviderAdapter {
  const transport =
    settings &&
    createProviderTransport({
      provider: 'replicate',
      http: deps.http,
      headers: { authorization: `Bearer ${settings.apiToken}` },
      secrets: [settings.apiToken],
      retry: deps.retry,
    });
  return {
    id: 'replicate',
    requiredEnv: ['REPLICATE_API_TOKEN'],
    configured: () => settings !== undefined,
    async call(request, ctx) {
      if (!settings || !transport) throw notConfigured('replicate', 'Set REPLICATE_API_TOKEN to use Replicate models');
      return runJob(replicateJob(transport, settings, request, ctx), ctx, deps.jobs);
    },
  };
}

/**
 * The documented prediction object, as far as we read it. `aborted`: it passed its deadline before
 * it could start (https://replicate.com/docs/topics/predictions/lifecycle).
 */
interface Prediction {
  id?: string;
  status?: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';
  output?: unknown;
  error?: unknown;
  logs?: string | null;
}

/** The final statuses other than `succeeded`, each with what it says when the prediction has no `error`. */
const UNSUCCESSFUL_ENDS = new Map<string | undefined, string>([
  ['failed', 'it failed'],
  ['canceled', 'it was canceled'],
  ['aborted', 'it was aborted: it passed its deadline before it could start'],
]);

function replicateJob(
  transport: ProviderTransport,
  settings: NonNullable<ProviderSettings['replicate']>,
  request: ProviderCall,
  ctx: ProviderCallContext,
): JobProtocol {
  const predictions = `${settings.apiUrl}/predictions`;
  const report = statusReporter(ctx);
  return {
    async submit(signal) {
      const prediction = (await transport.submit(
        { method: 'POST', url: predictions, body: { version: request.endpoint, input: request.input }, signal },
        REPLICATE_CREATE,
      )) as Prediction | null;
      if (typeof prediction?.id !== 'string' || prediction.id === '')
        throw submitUncertain('replicate', REPLICATE_CREATE, 'Replicate answered without a prediction id');
      return prediction.id;
    },
    async check(id, signal) {
      const prediction = (await transport.json({ method: 'GET', url: `${predictions}/${encodeURIComponent(id)}`, signal })) as Prediction;
      report(prediction);
      if (prediction.status === 'succeeded') return { done: true, value: prediction.output };
      const ended = UNSUCCESSFUL_ENDS.get(prediction.status);
      if (ended !== undefined) {
        const error = typeof prediction.error === 'string' ? prediction.error : JSON.stringify(prediction.error ?? null);
        const why = prediction.error == null ? ended : redact(error, [settings.apiToken]);
        throw jobFailed('replicate', id, why.slice(0, 500), prediction.status);
      }
      return { done: false };
    },
    async cancel(id, signal) {
      await transport.once({ method: 'POST', url: `${predictions}/${encodeURIComponent(id)}/cancel`, signal });
    },
  };
}

/** Reports status changes as progress and new lines of the prediction's `logs` text as logs. */
function statusReporter(ctx: ProviderCallContext): (prediction: Prediction) => void {
  let lastStatus: string | undefined;
  let logged = 0;
  return ({ status, logs }) => {
    if (status !== lastStatus && (status === 'starting' || status === 'processing')) ctx.progress(0, `Replicate prediction ${status}`);
    lastStatus = status;
    const lines = (logs ?? '').split('\n');
    // The last line may still be growing: only complete lines are reported.
    for (const line of lines.slice(logged, -1)) if (line.trim()) ctx.log(line);
    logged = Math.max(logged, lines.length - 1);
  };
}
