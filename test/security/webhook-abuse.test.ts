import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useHostile } from './support/hostile.js';

// Whoever holds a webhook URL, or guesses at one: garbage bodies, floods, guessed and rotated
// ids, borrowed Idempotency-Keys. The owner's budget, store and secrets must come out untouched.

const hostile = useHostile();
let workflow: { id: string; webhookId: string };

const greeting = {
  name: 'Greeting',
  nodes: [
    { id: 'name', data: { nodeType: 'input:text', config: { prompt: 'world' }, label: 'Name' } },
    { id: 'out', data: { nodeType: 'output:result', config: { name: 'greeting' } } },
  ],
  edges: [{ source: 'name', target: 'out', sourceHandle: 'out-text', targetHandle: 'in-value' }],
};

beforeAll(async () => {
  workflow = (await hostile().api('POST', '/workflows', { json: greeting })).json.data;
});

const trigger = (webhookId: string, body: string, headers: Record<string, string> = {}) =>
  hostile().api('POST', `/workflow/${webhookId}/trigger`, { body, headers: { 'content-type': 'application/json', ...headers }, key: null });

describe('a webhook URL in hostile hands', () => {
  it('answers guessed, rotated and malformed ids exactly like a path that does not exist', async () => {
    const rotated = (await hostile().api('POST', `/workflows/${workflow.id}/webhook/rotate`, {})).json.data.webhookId as string;
    const oldId = workflow.webhookId;
    workflow.webhookId = rotated;
    for (const id of [oldId, 'A'.repeat(22), '__proto__', '..%2F..%2Fworkflows', `${rotated.slice(0, -1)}${rotated.endsWith('x') ? 'y' : 'x'}`]) {
      const reply = await trigger(id, '{"name":"x"}');
      expectRefused(reply, 404, 'not_found');
      expect(reply.json.error.message).toMatch(/^No route for POST \/api\/v1\/workflow\/.+\/trigger$/);
      expectRefused(await hostile().api('GET', `/workflow/${id}/trigger`, { key: null }), 404, 'not_found');
    }
  });

  it('replays a repeated Idempotency-Key under the owner, starting one run; another body under it is refused', async () => {
    const headers = { 'idempotency-key': 'hook-key-1' };
    const first = await trigger(workflow.webhookId, '{"name":"a"}', headers);
    expect(first.status, first.text).toBe(202);
    const again = await trigger(workflow.webhookId, '{"name":"a"}', headers);
    expect([again.status, again.headers.get('idempotent-replayed'), again.text]).toEqual([202, 'true', first.text]);
    expectRefused(await trigger(workflow.webhookId, '{"name":"b"}', headers), 422, 'idempotency_key_reused');
    const runs = await hostile().api('GET', `/workflows/executions?workflowId=${workflow.id}`, {});
    expect(runs.json.data.map((run: { id: string }) => run.id)).toEqual([first.json.executionId]);
  });

  it('spends nothing of the owner on refused bodies, and stops hearing an IP that keeps sending them', async () => {
    const before = await hostile().snapshot();
    const refusals = [
      ['{nope', 400, 'invalid_json'],
      ['[1,2]', 400, 'invalid_body'],
      ['"text"', 400, 'invalid_body'],
      ['{"name":{"nested":true}}', 400, 'invalid_input'],
      ['{"name":"\\udfff"}', 400, 'invalid_field'],
      [`{"pad":"${'x'.repeat(300 * 1024)}"}`, 413, 'body_too_large'],
      [`{"a":${'['.repeat(70)}${']'.repeat(70)}}`, 400, 'json_too_deep'],
    ] as const;
    let last = Number.POSITIVE_INFINITY;
    for (const [body, status, code] of refusals) {
      const reply = await trigger(workflow.webhookId, body);
      expectRefused(reply, status, code);
      const remaining = Number(reply.headers.get('x-ratelimit-remaining'));
      expect(remaining).toBeLessThan(last);
      last = remaining;
    }
    expect(await hostile().snapshot()).toBe(before);
    // The flood goes on until the IP's budget of refusals is spent; then nothing more is read.
    let flooded;
    for (let i = 0; i < 60 && flooded?.status !== 429; i++) flooded = await trigger(workflow.webhookId, '[]');
    expectRefused(flooded!, 429, 'rate_limited');
    expect(Number(flooded!.headers.get('retry-after'))).toBeGreaterThan(0);
    expectRefused(await trigger(workflow.webhookId, `{"pad":"${'x'.repeat(300 * 1024)}"}`), 429, 'rate_limited');
    expect(await hostile().snapshot()).toBe(before);
    // The owner, meanwhile, runs as much as ever: of its 10 executions this minute, only the one
    // run the webhook started above (an execution like any other) is spent, and now this one.
    const own = await hostile().api('POST', `/workflows/${workflow.id}/execute`, { json: {} });
    expect([own.status, own.headers.get('x-ratelimit-remaining')]).toEqual([201, '8']);
    const hooked = await trigger(workflow.webhookId, '{"name":"still blocked"}');
    expectRefused(hooked, 429, 'rate_limited');
  });
});
