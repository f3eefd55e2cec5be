import { describe, expect, it } from 'vitest';
import { parseBody, TriggerBodySchema } from '../../../src/service/index.js';
import { failure, node, paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();

describe('webhook triggers', () => {
  it('fills inputs by node id, or by label in any case, and keeps the body as triggerData', async () => {
    const { services, admin, workflow, finished, store } = h();
    const id = await workflow({ nodes: [...paidChain().nodes, node('count', 'input:number', {}, 'How Many')], edges: paidChain().edges });
    const { webhookId } = await services.workflows.get(admin, id);
    const byId = await services.executions.trigger(webhookId, { prompt: 'by id', count: 2, extra: true });
    expect(byId).toEqual({ executionId: byId.executionId, status: 'queued', message: expect.any(String) });
    const byLabel = await services.executions.trigger(webhookId, { PROMPT: 'by label', 'how many': '3' });
    for (const [run, expected] of [
      [byId, { prompt: 'by id', count: 2 }],
      [byLabel, { prompt: 'by label', count: '3' }],
    ] as const) {
      await finished(run.executionId);
      const record = await store.executions.load(run.executionId);
      expect(record).toMatchObject({ accountId: admin.accountId, trigger: 'webhook', inputs: expected });
      expect(record?.options.triggerData).toBeDefined();
    }
    expect((await store.executions.load(byId.executionId))?.finalOutput).toEqual({ result: 'by id!!' });
  });

  it('refuses bodies that are not JSON objects or too large, wrong input types, unknown ids and inactive workflows', async () => {
    const { services, admin, workflow } = h();
    const { webhookId } = await services.workflows.get(admin, await workflow(paidChain()));
    for (const body of [[1], 'text', null, 3])
      expect((await failure(() => services.executions.trigger(webhookId, parseBody(TriggerBodySchema, body)))).code).toBe('invalid_body');
    expect((await failure(services.executions.trigger(webhookId, { prompt: 'x'.repeat(256 * 1024) }))).code).toBe('body_too_large');
    expect((await failure(services.executions.trigger(webhookId, { prompt: { nested: true } }))).code).toBe('invalid_input');
    const unknown = await failure(services.executions.trigger('A'.repeat(22), {}));
    expect(unknown).toMatchObject({ code: 'not_found', message: 'Not found' });
    expect((await failure(services.executions.describeTrigger('A'.repeat(22)))).message).toBe('Not found');
    const inactive = await services.workflows.get(admin, await workflow(paidChain(), { isActive: false }));
    expect((await failure(services.executions.trigger(inactive.webhookId, {}))).code).toBe('workflow_inactive');
    expect(await services.executions.describeTrigger(inactive.webhookId)).toMatchObject({ workflowId: inactive.id, name: 'Flow', isActive: false });
  });

  it('calls beforeStart only for a trigger that would start, and records nothing when it refuses', async () => {
    const { services, admin, workflow, store, setBalance } = h();
    const { webhookId } = await services.workflows.get(admin, await workflow(paidChain()));
    let calls = 0;
    const beforeStart = async () => void calls++;
    for (const body of [[1], { prompt: { nested: true } }])
      await failure(() => services.executions.trigger(webhookId, parseBody(TriggerBodySchema, body), { beforeStart }));
    await setBalance(1);
    expect((await failure(services.executions.trigger(webhookId, { prompt: 'x' }, { beforeStart }))).code).toBe('insufficient_credits');
    expect(calls).toBe(0);
    await setBalance(1000);
    const refusal = new Error('budget spent');
    await expect(
      services.executions.trigger(
        webhookId,
        { prompt: 'x' },
        {
          beforeStart: async () => {
            calls++;
            throw refusal;
          },
        },
      ),
    ).rejects.toBe(refusal);
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toEqual([]);
    await services.executions.trigger(webhookId, { prompt: 'x' }, { beforeStart });
    expect(calls).toBe(2);
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toHaveLength(1);
  });

  it('rotates: the old id stops working at once, the new one works', async () => {
    const { services, admin, workflow, principalWith } = h();
    const id = await workflow(paidChain());
    const old = (await services.workflows.get(admin, id)).webhookId;
    const rotated = await services.executions.rotateWebhook(admin, id);
    expect(rotated).toEqual({
      workflowId: id,
      webhookId: expect.stringMatching(/^[0-9A-Za-z]{22}$/),
      webhookUrl: `http://127.0.0.1:8787/api/v1/workflow/${rotated.webhookId}/trigger`,
    });
    expect((await failure(services.executions.trigger(old, {}))).code).toBe('not_found');
    expect((await services.executions.trigger(rotated.webhookId, {})).status).toBe('queued');
    expect((await failure(services.executions.rotateWebhook(await principalWith(['workflows:execute']), id))).code).toBe('missing_scope');
    expect((await failure(services.executions.rotateWebhook(admin, 'wf_missing'))).code).toBe('not_found');
  });
});
