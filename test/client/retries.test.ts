import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, isPipewrightError, type ClientOptions, type PipewrightClient, type RetryEvent } from '../../src/client/index.js';
import { envelope, startScriptedApi, type ScriptedApi } from './scripted-api.js';

const KEY = `sk-${'Zz9Yy8Xx'.repeat(5)}`;
let api: ScriptedApi;
let retries: RetryEvent[];
const clients: PipewrightClient[] = [];

beforeAll(async () => {
  api = await startScriptedApi();
});
afterAll(() => api.close());
afterEach(async () => {
  api.reset();
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function client(options: Partial<ClientOptions> = {}): PipewrightClient {
  retries = [];
  const made = createClient({
    baseUrl: api.url,
    apiKey: KEY,
    retryDelay: { minDelayMs: 5, maxDelayMs: 20 },
    onRetry: (event) => retries.push(event),
    ...options,
  });
  clients.push(made);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<any> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error === undefined) throw new Error('expected the call to fail');
  return error;
}

const USAGE = { data: { plan: 'pro', balance: 1 } };

describe('429 and Retry-After', () => {
  it('waits the seconds Retry-After names, then succeeds with the same request', async () => {
    api.script({ ...envelope(429, 'rate_limited', { retryAfter: 1 }), headers: { 'retry-after': '1' } }, { body: USAGE });
    expect(await client().usage()).toEqual(USAGE.data);
    expect(retries.map((event) => [event.attempt, event.delayMs])).toEqual([[1, 1000]]);
    expect(api.seen.map((seen) => `${seen.method} ${seen.url}`)).toEqual(['GET /api/v1/developer/usage', 'GET /api/v1/developer/usage']);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 2_000).toUTCString();
    api.script({ ...envelope(429, 'rate_limited'), headers: { 'retry-after': at } }, { body: USAGE });
    await client().usage();
    expect(retries[0]!.delayMs).toBeGreaterThan(0);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(2_000);
  });

  it('does not wait out a Retry-After beyond the cap: the error comes back at once, with retryAfter', async () => {
    api.script({ ...envelope(429, 'rate_limited', { retryAfter: 120 }), headers: { 'retry-after': '120' } });
    const error = await failure(client({ retryDelay: { maxRetryAfterMs: 60_000 } }).usage());
    expect(error).toMatchObject({ code: 'rate_limited', kind: 'user', transient: true, details: { status: 429, retryAfter: 120, requestId: 'req_test' } });
    expect(api.seen).toHaveLength(1);
  });

  it('retries a 429 even on PATCH, which the server refused before doing anything', async () => {
    api.script({ ...envelope(429, 'rate_limited'), headers: { 'retry-after': '0' } }, { body: { data: { node: {}, updatedAt: 'x' } } });
    await client().workflows.patchNode('wf_1', 'n', { label: 'x' });
    expect(api.seen.map((seen) => seen.method)).toEqual(['PATCH', 'PATCH']);
  });
});

describe('5xx and the network', () => {
  it('retries a 503 on GET, then succeeds', async () => {
    api.script(envelope(503, 'unavailable'), envelope(502, 'unavailable'), { body: USAGE });
    expect(await client().usage()).toEqual(USAGE.data);
    expect(retries.map((event) => event.attempt)).toEqual([1, 2]);
    for (const event of retries) expect(event.delayMs).toBeLessThanOrEqual(20);
  });

  it('gives up after `retries` retries with the last error, operational and transient', async () => {
    api.script(envelope(503, 'unavailable'), envelope(503, 'unavailable'), envelope(500, 'internal'));
    const error = await failure(client({ retries: 2 }).usage());
    expect(error).toMatchObject({ code: 'internal', kind: 'operational', transient: true, details: { status: 500 } });
    expect(api.seen).toHaveLength(3);
  });

  it('never retries a PATCH after a 5xx: it would make a second version', async () => {
    api.script(envelope(503, 'unavailable'));
    expect(await failure(client().workflows.patchNode('wf_1', 'n', { label: 'x' }))).toMatchObject({ code: 'unavailable' });
    expect(api.seen).toHaveLength(1);
  });

  it('retries a refused connection as network_error', async () => {
    const closed = await startScriptedApi();
    await closed.close();
    const error = await failure(client({ baseUrl: closed.url, retries: 1 }).usage());
    expect(error).toMatchObject({ code: 'network_error', kind: 'operational', transient: true });
    expect(retries).toHaveLength(1);
  });

  it('maps an answer without the envelope by its status', async () => {
    api.script({ status: 502, body: '<html>bad gateway</html>' }, { status: 418, body: 'teapot', headers: { 'x-request-id': 'req_tea' } });
    expect(await failure(client({ retries: 0 }).usage())).toMatchObject({ code: 'unavailable', kind: 'operational', details: { status: 502 } });
    expect(await failure(client().usage())).toMatchObject({
      code: 'http_error',
      kind: 'user',
      transient: false,
      details: { status: 418, requestId: 'req_tea' },
    });
  });

  it('calls a 2xx that is not JSON invalid_response, and does not retry it', async () => {
    api.script({ status: 200, body: '<html>captive portal</html>' });
    expect(await failure(client().usage())).toMatchObject({ code: 'invalid_response', kind: 'operational', transient: false, details: { status: 200 } });
    expect(api.seen).toHaveLength(1);
  });
});

describe('POST and Idempotency-Key', () => {
  it('puts a UUID Idempotency-Key on every POST and keeps it across retries', async () => {
    api.script(envelope(503, 'unavailable'), { status: 201, body: { executionId: 'ex_1', workflowId: 'wf_1', status: 'QUEUED', executionRuns: [] } });
    const accepted = await client().workflows.execute('wf_1', { dryRun: true });
    expect(accepted.executionId).toBe('ex_1');
    const [first, second] = api.seen.map((seen) => seen.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
    expect(JSON.parse(api.seen[1]!.body)).toEqual({ dryRun: true });
  });

  it('sends the caller’s key when given, and a new one per call otherwise', async () => {
    const made = client();
    await made.workflows.lint({ nodes: [] }, { idempotencyKey: 'mine-1' });
    await made.workflows.lint({ nodes: [] });
    await made.workflows.lint({ nodes: [] });
    const keys = api.seen.map((seen) => seen.headers['idempotency-key']);
    expect(keys[0]).toBe('mine-1');
    expect(keys[1]).not.toBe(keys[2]);
  });

  it('never retries a 4xx other than 429, and carries the envelope’s fields', async () => {
    const violations = [{ rule: 'cycle', message: 'a → b → a' }];
    api.script(envelope(422, 'invalid_graph', { violations, warnings: [] }));
    const error = await failure(client().workflows.create({ nodes: [] }));
    expect(error).toMatchObject({
      code: 'invalid_graph',
      kind: 'user',
      transient: false,
      details: { status: 422, violations, warnings: [], requestId: 'req_test' },
    });
    expect(api.seen).toHaveLength(1);
  });

  it('retries idempotency_key_in_use only when its own earlier attempt holds the key', async () => {
    api.script(envelope(503, 'unavailable'), envelope(409, 'idempotency_key_in_use'), {
      status: 202,
      body: { data: { executionId: 'ex_1', status: 'CANCELLED' } },
    });
    expect(await client().executions.cancel('ex_1')).toEqual({ executionId: 'ex_1', status: 'CANCELLED' });
    api.script(envelope(409, 'idempotency_key_in_use'));
    expect(await failure(client().executions.cancel('ex_1', { idempotencyKey: 'busy' }))).toMatchObject({ code: 'idempotency_key_in_use' });
    expect(api.seen).toHaveLength(4);
  });

  it('hands 402 credit fields and 409 stale_write fields to the caller', async () => {
    const credits = { insufficientCredits: true, requiredCredits: 40, availableCredits: 3, breakdown: [{ nodeId: 'img', nodeLabel: 'Image', credits: 40 }] };
    api.script(envelope(402, 'insufficient_credits', credits));
    expect(await failure(client().workflows.execute('wf_1'))).toMatchObject({
      code: 'insufficient_credits',
      kind: 'user',
      details: { status: 402, ...credits },
    });
    api.script(envelope(409, 'stale_write', { currentUpdatedAt: 'b', yourBaseUpdatedAt: 'a' }));
    expect(await failure(client().workflows.replace('wf_1', { nodes: [], baseUpdatedAt: 'a' }))).toMatchObject({
      code: 'stale_write',
      details: { status: 409, currentUpdatedAt: 'b', yourBaseUpdatedAt: 'a' },
    });
  });
});

describe('abort and timeout', () => {
  it('rejects with the caller’s reason when aborted mid-request, and does not retry', async () => {
    api.script({ hang: true });
    const controller = new AbortController();
    const pending = client().usage({ signal: controller.signal });
    await until(() => api.seen.length === 1);
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    expect(await failure(pending)).toBe(reason);
    expect(api.seen).toHaveLength(1);
  });

  it('keeps a non-Error abort reason as it was given', async () => {
    api.script({ hang: true });
    const controller = new AbortController();
    const pending = client().usage({ signal: controller.signal });
    await until(() => api.seen.length === 1);
    controller.abort('stop');
    expect(await failure(pending)).toBe('stop');
  });

  it('stops waiting between retries when aborted', async () => {
    api.script({ ...envelope(429, 'rate_limited'), headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const pending = client().usage({ signal: controller.signal });
    await until(() => retries.length === 1);
    controller.abort(new Error('enough'));
    expect((await failure(pending)).message).toBe('enough');
  });

  it('times out an attempt as fetch_timeout, and retries it', async () => {
    api.script({ hang: true }, { hang: true });
    const error = await failure(client({ timeoutMs: 50, retries: 1 }).usage());
    expect(error).toMatchObject({ code: 'fetch_timeout', kind: 'operational', transient: true });
    expect(api.seen).toHaveLength(2);
  });

  it('takes a per-call timeout', async () => {
    api.script({ hang: true });
    expect(await failure(client({ retries: 0 }).usage({ timeoutMs: 30 }))).toMatchObject({ code: 'fetch_timeout' });
  });
});

describe('the API key', () => {
  it('is sent as a bearer token and never appears in an error, even when a server echoes it', async () => {
    api.script(envelope(401, 'invalid_api_key', { hint: `key ${KEY} is unknown` }));
    const error = await failure(client().usage());
    expect(api.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(isPipewrightError(error)).toBe(true);
    const everything = JSON.stringify({ json: error, message: error.message, stack: error.stack, details: error.details });
    expect(everything).not.toContain(KEY);
    expect(error.details.hint).toBe('key [redacted] is unknown');
  });

  it('is not in a network error either', async () => {
    const closed = await startScriptedApi();
    await closed.close();
    const error = await failure(client({ baseUrl: closed.url, retries: 0 }).usage());
    expect(JSON.stringify({ json: error, message: error.message, stack: error.stack, cause: String(error.cause) })).not.toContain(KEY);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition never held');
}
