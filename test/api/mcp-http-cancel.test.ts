import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, UNLIMITED } from './exec-helpers.js';
import { startFakeLlm, type FakeLlm } from './fake-llm.js';
import { llmChain } from './flows.js';
import { call, KeyMaker, startTestServer, type TestServer } from './harness.js';

// Cancelling an execute_workflow call over Streamable HTTP (`serve`'s /mcp) cancels the run, as
// it does over stdio. Stateless: the client's notifications/cancelled is a POST of its own, which
// the server must route to the call it names.

let server: TestServer;
let llm: FakeLlm;
let keys: KeyMaker;

beforeAll(async () => {
  llm = await startFakeLlm();
  llm.knobs.hold = true;
  server = await startTestServer({ ...UNLIMITED, env: { OPENAI_BASE_URL: llm.baseUrl } });
  keys = await KeyMaker.open(server.home);
});
afterAll(async () => {
  llm.release();
  await keys.close();
  await server.close();
  await llm.close();
});

/** An SDK client over real HTTP; `toolCallIds` are the JSON-RPC ids of the tools/call requests it sent. */
async function connect(key: string): Promise<{ client: Client; toolCallIds: Array<string | number> }> {
  const toolCallIds: Array<string | number> = [];
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
    fetch: async (url, init) => {
      const message = typeof init?.body === 'string' ? (JSON.parse(init.body) as { id?: string | number; method?: string }) : {};
      if (message.method === 'tools/call' && message.id !== undefined) toolCallIds.push(message.id);
      return fetch(url, init);
    },
  });
  const client = new Client({ name: 'cancel-over-http', version: '1.0.0' });
  await client.connect(transport);
  return { client, toolCallIds };
}

/** Starts a held run through execute_workflow and resolves once its first LLM node is running. */
async function startHeldRun(client: Client, prompt: string, signal: AbortSignal) {
  const workflowId = (await createWorkflow(server, llmChain(2, prompt))).id;
  const progress: Progress[] = [];
  const pending = client.callTool({ name: 'execute_workflow', arguments: { workflowId, waitSeconds: 120 } }, undefined, {
    signal,
    onprogress: (update) => progress.push(update),
  });
  pending.catch(() => undefined);
  await llm.waitForCall(prompt);
  // Progress means the call is waiting on the run: a cancel now reaches the wait, not the start.
  await expect.poll(() => progress.length).toBeGreaterThan(0);
  const listed = await call(server, 'GET', `/workflows/executions?workflowId=${workflowId}`);
  return { pending, executionId: listed.body.data[0].id as string };
}

const statusOf = async (executionId: string) => (await call(server, 'GET', `/workflows/executions/${executionId}`)).body.data.status as string;

describe('MCP over Streamable HTTP: notifications/cancelled', () => {
  it('cancels the execution of the execute_workflow call it names', async () => {
    const { client } = await connect(server.adminKey);
    const abort = new AbortController();
    const { pending, executionId } = await startHeldRun(client, 'cancel over http', abort.signal);

    abort.abort('user pressed stop');
    await expect(pending).rejects.toThrow();
    await expect.poll(() => statusOf(executionId), { timeout: 5_000 }).toBe('CANCELLED');
    await client.close();
  });

  it('reaches only calls made with the same key: another key naming the same request id changes nothing', async () => {
    const owner = await connect(server.adminKey);
    const { executionId } = await startHeldRun(owner.client, 'not yours', new AbortController().signal);
    const stranger = await connect(await keys.key({ scopes: ['workflows:read', 'workflows:execute', 'executions:read'] }));
    await stranger.client.notification({ method: 'notifications/cancelled', params: { requestId: owner.toolCallIds[0]!, reason: 'not mine to cancel' } });
    // Long enough for a cancel that got through to have settled (it does in well under a second above).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await statusOf(executionId)).toBe('RUNNING');
    await call(server, 'POST', `/workflows/executions/${executionId}/cancel`);
    await owner.client.close();
    await stranger.client.close();
  });
});
