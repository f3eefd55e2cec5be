import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdempotencyService } from '../../src/service/idempotency/index.js';
import { openStore } from '../../src/store/index.js';
import { createWorkflow, execute, UNLIMITED } from './exec-helpers.js';
import { greetingFlow } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, tempHome, type TestServer } from './harness.js';

// Idempotency-Key over real HTTP on the real store (docs/api.md).

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

let server: TestServer;
let greeting: string;

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  greeting = (await createWorkflow(server, greetingFlow())).id;
});
afterAll(() => server.close());

const executionsOf = async (workflowId: string, key?: string) =>
  (await call(server, 'GET', `/workflows/executions?workflowId=${workflowId}&limit=100`, { ...(key && { key }) })).body.data as unknown[];
const workflowsNamed = async (name: string) =>
  ((await call(server, 'GET', '/workflows?limit=100')).body.data as Array<{ name: string }>).filter((w) => w.name === name);

describe('Idempotency-Key', () => {
  it('replays a create with its status, Location and body, and creates nothing more', async () => {
    const body = greetingFlow('Created once');
    const first = await call(server, 'POST', '/workflows', { json: body, ...withKey('create-1') });
    const again = await call(server, 'POST', '/workflows', { json: body, ...withKey('create-1') });
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('X-Request-Id')).not.toBe(first.headers.get('X-Request-Id'));
    expect(await workflowsNamed('Created once')).toHaveLength(1);
  });

  it('starts one execution however often execute is repeated', async () => {
    const first = await execute(server, greeting, { inputs: { name: 'once' } }, undefined);
    const before = (await executionsOf(greeting)).length;
    const replies = [];
    for (let i = 0; i < 3; i++)
      replies.push(await call(server, 'POST', `/workflows/${greeting}/execute`, { json: { inputs: { name: 'keyed' } }, ...withKey('exec-1') }));
    expect(new Set(replies.map((r) => r.body.executionId)).size).toBe(1);
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(replies.map((r) => r.headers.get('Idempotent-Replayed'))).toEqual([null, 'true', 'true']);
    expect(replies[2]!.headers.get('Location')).toBe(`/api/v1/workflows/executions/${replies[0]!.body.executionId}`);
    expect((await executionsOf(greeting)).length).toBe(before + 1);
    expect(first.status).toBe(201);
  });

  it('lets exactly one of many simultaneous identical requests through', async () => {
    const body = greetingFlow('Raced');
    const replies = await Promise.all(Array.from({ length: 10 }, () => call(server, 'POST', '/workflows', { json: body, ...withKey('race-1') })));
    const fresh = replies.filter((r) => r.status === 201 && r.headers.get('Idempotent-Replayed') === null);
    expect(fresh).toHaveLength(1);
    for (const reply of replies)
      expect(reply.status === 409 ? codeOf(reply) : reply.body).toEqual(reply.status === 409 ? 'idempotency_key_in_use' : fresh[0]!.body);
    expect(await workflowsNamed('Raced')).toHaveLength(1);
  });

  it('refuses the same key for a different body, path or method with 422 idempotency_key_reused', async () => {
    await call(server, 'POST', `/workflows/${greeting}/execute`, { json: { inputs: { name: 'a' } }, ...withKey('reuse-1') });
    const before = (await executionsOf(greeting)).length;
    const differentBody = await call(server, 'POST', `/workflows/${greeting}/execute`, { json: { inputs: { name: 'b' } }, ...withKey('reuse-1') });
    expect(differentBody.status).toBe(422);
    expect(differentBody.body.error).toMatchObject({ type: 'invalid_request_error', code: 'idempotency_key_reused' });
    expect(codeOf(await call(server, 'POST', `/workflows/${greeting}/run`, { json: { inputs: { name: 'a' } }, ...withKey('reuse-1') }))).toBe(
      'idempotency_key_reused',
    );
    expect((await executionsOf(greeting)).length).toBe(before);
  });

  it('answers 409 idempotency_key_in_use while the first request is still being handled, then replays it', async () => {
    // Another process sharing the store holds the claim: the first request is "in flight" for as
    // long as the test says, which no timing-based slow request could guarantee.
    const store = await openStore({ home: server.home });
    try {
      const idem = createIdempotencyService({ store });
      const accountId = (await store.accounts.first())!.id;
      const body = JSON.stringify({ inputs: { name: 'held' } });
      const path = `/api/v1/workflows/${greeting}/execute`;
      const held = await idem.begin(accountId, 'held-1', { method: 'POST', path, body });
      expect(held).toMatchObject({ kind: 'run' });
      const before = (await executionsOf(greeting)).length;
      const busy = await call(server, 'POST', `/workflows/${greeting}/execute`, {
        body,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'held-1' },
      });
      expect(busy.status).toBe(409);
      expect(busy.body.error).toMatchObject({ type: 'conflict_error', code: 'idempotency_key_in_use' });
      expect((await executionsOf(greeting)).length).toBe(before);
      await idem.complete(
        accountId,
        'held-1',
        { status: 201, headers: { 'content-type': 'application/json' }, body: '{"executionId":"exe_elsewhere"}' },
        held.kind === 'run' ? held.claim : undefined,
      );
      const replay = await call(server, 'POST', `/workflows/${greeting}/execute`, {
        body,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'held-1' },
      });
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual({ executionId: 'exe_elsewhere' });
    } finally {
      await store.close();
    }
  });

  it('keeps a 4xx answer: the same wrong request gets the same answer, replayed', async () => {
    const first = await call(server, 'POST', `/workflows/${greeting}/execute`, { json: { inputs: { nobody: 1 } }, ...withKey('bad-1') });
    const again = await call(server, 'POST', `/workflows/${greeting}/execute`, { json: { inputs: { nobody: 1 } }, ...withKey('bad-1') });
    expect(first.status).toBe(400);
    expect(again.status).toBe(400);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.error.code).toBe(first.body.error.code);
  });

  it('scopes keys to the account: another account with the same key runs its own request', async () => {
    const keys = await KeyMaker.open(server.home);
    const otherKey = await keys.otherAccount();
    await keys.close();
    const body = greetingFlow('Per account');
    const mine = await call(server, 'POST', '/workflows', { json: body, ...withKey('shared-1') });
    const theirs = await call(server, 'POST', '/workflows', { key: otherKey, json: body, ...withKey('shared-1') });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('Idempotent-Replayed')).toBeNull();
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
  });

  it.each([
    ['too long', 'k'.repeat(256)],
    ['holding a tab', 'tab\there'],
    ['not ASCII', 'clé'],
  ])('refuses a key %s with 400 idempotency_key_invalid', async (_, key) => {
    const reply = await call(server, 'POST', '/workflows', { json: greetingFlow('Never'), headers: { 'Idempotency-Key': key } });
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe('idempotency_key_invalid');
    expect(await workflowsNamed('Never')).toHaveLength(0);
  });
});

describe('Idempotency-Key across a restart', () => {
  it('replays the answer given before the restart and starts nothing', async () => {
    const home = tempHome();
    const first = await startTestServer({ ...UNLIMITED, home });
    const workflowId = (await createWorkflow(first, greetingFlow())).id;
    const before = await call(first, 'POST', `/workflows/${workflowId}/execute`, { json: {}, ...withKey('restart-1') });
    await first.close();
    const second = await startTestServer({ ...UNLIMITED, home });
    try {
      const after = await call(second, 'POST', `/workflows/${workflowId}/execute`, { json: {}, ...withKey('restart-1') });
      expect(after.status).toBe(201);
      expect(after.headers.get('Idempotent-Replayed')).toBe('true');
      expect(after.body).toEqual(before.body);
      expect((await call(second, 'GET', `/workflows/executions?workflowId=${workflowId}`)).body.data).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
