import { describe, expect, it } from 'vitest';
import { restLinks } from '../../../src/api/index.js';
import { policyFor } from '../../../src/net/index.js';
import { CallbackSender } from '../../../src/service/callbacks/index.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { startCallbackReceiver, verified } from '../../support/callback-receiver.js';
import { until } from '../../support/until.js';
import { useTempHome } from '../temp-home.js';

// The sender checks the network rules again when it sends (docs/events.md, "Completion
// callbacks"): a delivery admitted where an address was allowed is not sent from a process
// where it is not, whatever the row says.

const fixture = useTempHome('fixture', 'pw-callback-sender-', async (home, onCleanup) => {
  const store = await openStore({ home });
  onCleanup(() => store.close());
  const receiver = await startCallbackReceiver();
  onCleanup(() => receiver.close());
  return { store, receiver };
});

/** An ended execution with a waiting delivery to `url`, as admission leaves it. */
async function endedWithCallback(store: Store, url: string): Promise<string> {
  const account = await store.accounts.create({ name: 'A', plan: 'pro', creditsBalance: 0 });
  const execution = { accountId: account.id, workflowId: null, workflowVersion: null, inputs: {}, options: {}, trigger: 'execute' as const };
  await store.executions.create('exec_sender', execution, []);
  await store.executions.update('exec_sender', { status: 'COMPLETED', endedAt: new Date().toISOString() });
  await store.callbacks.create({ id: 'msg_sender', executionId: 'exec_sender', accountId: account.id, url });
  return account.id;
}

async function sendWith(store: Store, env: NodeJS.ProcessEnv) {
  const sender = new CallbackSender({
    store,
    policy: policyFor('server', env),
    settings: { timeoutMs: 2_000, retryDelaysMs: [], pollMs: 10, onTriggers: true },
    urls: { links: restLinks('http://127.0.0.1:1'), artifacts: { sign: async () => ({ exp: 0, sig: '' }) } },
    now: () => new Date(),
  });
  sender.start();
  try {
    await until(async () => (await store.callbacks.forExecution('exec_sender'))[0]!.state !== 'waiting', 5_000, 'the attempt recorded');
  } finally {
    await sender.stop();
  }
  return (await store.callbacks.forExecution('exec_sender'))[0]!;
}

describe('CallbackSender', () => {
  it('refuses at send time a loopback URL this process does not allow, calling nothing', async () => {
    const { store, receiver } = fixture();
    await endedWithCallback(store, `${receiver.url}/private`);
    const delivery = await sendWith(store, {});
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toEqual([
      { at: expect.any(String), status: null, error: expect.stringMatching(/^Refusing to fetch from 127\.0\.0\.1/), durationMs: expect.any(Number) },
    ]);
    expect(receiver.received).toEqual([]);
  });

  it('sends it where the operator allows private addresses, signed with the account secret', async () => {
    const { store, receiver } = fixture();
    const accountId = await endedWithCallback(store, `${receiver.url}/allowed`);
    const delivery = await sendWith(store, { PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1' });
    expect(delivery.state).toBe('delivered');
    const { secret } = JSON.parse(await store.secrets.getOrCreate(`callback-secret:${accountId}`, 'unused')) as { secret: string };
    expect(verified(secret, receiver.received[0]!)).toMatchObject({ type: 'execution.completed', data: { executionId: 'exec_sender', status: 'COMPLETED' } });
  });
});
