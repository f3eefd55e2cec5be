import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { greetingFlow } from '../api/flows.js';
import { assertFreshBuild, killServed, serveBuilt } from '../support/built-cli.js';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { cleanUpWorkers, startApi, startWorker } from './support/workers.js';
import { type CallbackReceiver, startCallbackReceiver, verified } from '../support/callback-receiver.js';
import { until } from '../support/until.js';
import { ADMIN_KEY, call } from './support/rest.js';

// Completion callbacks across processes (docs/events.md, "Completion callbacks"): the delivery is a
// row in the store, so a serve that dies between attempts leaves it to the next one, and of the
// processes on one home that all send, each attempt goes out from one.

const cleanups: Array<() => Promise<void>> = [];

beforeAll(() => assertFreshBuild());
afterEach(async () => {
  killServed();
  await cleanUpWorkers();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(): Promise<{ home: string; receiver: CallbackReceiver }> {
  const home = await mkdtemp(join(tmpdir(), 'pw-e2e-callbacks-'));
  const receiver = await startCallbackReceiver();
  cleanups.push(
    () => receiver.close(),
    () => rm(home, { recursive: true, force: true }),
  );
  return { home, receiver };
}

it('a callback refused before the serve is killed arrives from the next serve, with the same webhook-id', { timeout: 60_000 }, async () => {
  const { home, receiver } = await setUp();
  const env = {
    PIPEWRIGHT_HOME: home,
    PIPEWRIGHT_API_KEY: ADMIN_KEY,
    PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1',
    // A second between attempts: the serve is killed in that gap, once the first is recorded.
    PIPEWRIGHT_CALLBACK_RETRY_SECONDS: Array(30).fill('1').join(','),
    PIPEWRIGHT_CALLBACK_POLL_MS: '50',
  };
  receiver.script('/hook', ...Array<number>(100).fill(500));
  const first = await serveBuilt(env);
  const secret = (await call(first.url, 'GET', '/developer/callback-secret')).json.data.secret as string;
  const workflow = (await call(first.url, 'POST', '/workflows', greetingFlow())).json.data;
  const started = await call(first.url, 'POST', `/workflows/${workflow.id}/execute`, { inputs: { name: 'again' }, callbackUrl: `${receiver.url}/hook` });
  expect(started.status, JSON.stringify(started.json)).toBe(201);
  const executionId = started.json.executionId as string;
  const callbacksOn = async (base: string) => (await call(base, 'GET', `/workflows/executions/${executionId}`)).json.data.callbacks;

  const [refused] = await receiver.waitFor('/hook', 1);
  await until(async () => (await callbacksOn(first.url))[0].attempts.length >= 1, 10_000, 'the first attempt recorded');
  first.child.kill('SIGKILL');
  await first.exit;
  const sentBefore = receiver.received.length;
  receiver.unscript('/hook');

  const second = await serveBuilt(env);
  const all = await receiver.waitFor('/hook', sentBefore + 1);
  const delivered = all.at(-1)!;
  expect(delivered.id).toBe(refused!.id);
  expect(verified(secret, delivered)).toMatchObject({ type: 'execution.completed', data: { executionId, status: 'COMPLETED' } });
  await until(async () => (await callbacksOn(second.url))[0].state === 'delivered', 10_000, 'the delivery recorded');
  const [callback] = await callbacksOn(second.url);
  expect(callback.attempts.map((attempt: any) => attempt.status)).toEqual([...Array<number>(all.length - 1).fill(500), 200]);
});

/** `serve --no-worker` and two workers on one store, all three sending: the run one worker executed is delivered once. */
async function deliveredOnce(store: Record<string, string>): Promise<void> {
  const { home, receiver } = await setUp();
  const env = { PIPEWRIGHT_HOME: home, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', PIPEWRIGHT_CALLBACK_POLL_MS: '20', PIPEWRIGHT_CLAIM_POLL_MS: '50', ...store };
  const api = await startApi(env);
  await Promise.all([startWorker(env), startWorker(env)]);
  const secret = (await call(api.url, 'GET', '/developer/callback-secret')).json.data.secret as string;
  const workflow = (await call(api.url, 'POST', '/workflows', greetingFlow())).json.data;
  const started = await call(api.url, 'POST', `/workflows/${workflow.id}/execute`, { inputs: { name: 'worker' }, callbackUrl: `${receiver.url}/once` });
  expect(started.status, JSON.stringify(started.json)).toBe(201);
  const executionId = started.json.executionId as string;
  const [delivered] = await receiver.waitFor('/once', 1);
  expect(verified(secret, delivered!).data).toMatchObject({ executionId, status: 'COMPLETED', finalOutput: { greeting: 'Hello worker' } });
  const callbacks = async () => (await call(api.url, 'GET', `/workflows/executions/${executionId}`)).json.data.callbacks;
  await until(async () => (await callbacks())[0].state === 'delivered', 10_000, 'recorded');
  expect((await callbacks())[0].attempts).toHaveLength(1);
  expect(receiver.received.filter((item) => item.path === '/once')).toHaveLength(1);
}

it('an API-only serve and two workers on one home, all sending, deliver a run once', { timeout: 60_000 }, () => deliveredOnce({}));

describe('on PostgreSQL', () => {
  const newDatabase = usePostgresCluster();

  it('an API-only serve and two workers on one database, all sending, deliver a run once', { timeout: 60_000 }, async () =>
    deliveredOnce({ PIPEWRIGHT_DATABASE_URL: await newDatabase() }),
  );
});
