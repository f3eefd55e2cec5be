import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, KeyMaker, example, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let keys: KeyMaker;

beforeAll(async () => {
  server = await startTestServer({ apiKey: ADMIN_KEY });
  keys = await KeyMaker.open(server.home);
});
afterAll(async () => {
  await keys.close();
  await server.close();
});

function workflowArgs() {
  const { name, nodes, edges } = example('fan-out') as { name: string; nodes: unknown[]; edges: unknown[] };
  return { name, nodes, edges };
}

async function connect(key: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } });
  const client = new Client({ name: 'serve-mcp-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('serve: MCP over Streamable HTTP at /mcp', () => {
  it('refuses a request without a key with the REST error envelope and headers', async () => {
    const response = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('missing_api_key');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('x-ratelimit-limit')).toBeTruthy();
  });

  it("serves the tools with a key, acting as that key's account", async () => {
    const client = await connect(ADMIN_KEY);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['list_node_types', 'save_workflow', 'execute_workflow', 'poll_execution']));
    const saved = (await client.callTool({ name: 'save_workflow', arguments: workflowArgs() })) as CallToolResult;
    expect(saved.isError).toBeFalsy();
    const listed = (await client.callTool({ name: 'list_workflows', arguments: {} })) as CallToolResult;
    expect(JSON.stringify(listed.structuredContent)).toContain('Prompt variations');
    await client.close();
  });

  it("applies the key's scopes: a read-only key cannot save", async () => {
    const client = await connect(await keys.key({ scopes: ['workflows:read'] }));
    const refused = (await client.callTool({ name: 'save_workflow', arguments: workflowArgs() })) as CallToolResult;
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.content)).toContain('missing_scope');
    await client.close();
  });

  it('refuses browser origins that were not allowed', async () => {
    const response = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_KEY}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('serve: /mcp keeps the REST rules', () => {
  const post = (body: string, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...extra },
      body,
    });

  it('carries the rate-limit headers and request id on a served call', async () => {
    const response = await post(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(response.headers.get('x-ratelimit-remaining')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toBeTruthy();
    await response.body?.cancel();
  });

  it('refuses a body over 1 MiB with 413 body_too_large', async () => {
    const response = await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { pad: 'x'.repeat(1024 * 1024 + 10) } }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
  });

  it('refuses a body nested deeper than 64 levels with 400 json_too_deep, carrying the rate-limit headers', async () => {
    const response = await post(
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { deep: JSON.parse(`${'['.repeat(70)}${']'.repeat(70)}`) } }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('json_too_deep');
  });

  it('answers GET and DELETE with 405, allowing POST', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(`${server.url}/mcp`, { method, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toContain('POST');
      await response.body?.cancel();
    }
  });
});

describe('serve: /mcp spends the execution budget', () => {
  it("refuses execute_workflow once the account's executions per minute are spent, REST and MCP together", async () => {
    const limited = await startTestServer({ apiKey: ADMIN_KEY, services: { planLimits: { pro: { executionsPerMinute: 2 } } } });
    try {
      const transport = new StreamableHTTPClientTransport(new URL(`${limited.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${ADMIN_KEY}` } },
      });
      const client = new Client({ name: 'budget-test', version: '1.0.0' });
      await client.connect(transport);
      const run = () => client.callTool({ name: 'execute_workflow', arguments: { ...workflowArgs(), dryRun: true } }) as Promise<CallToolResult>;
      expect((await run()).isError).toBeFalsy();
      expect((await run()).isError).toBeFalsy();
      const third = await run();
      expect(third.isError).toBe(true);
      expect(JSON.stringify(third.content)).toContain('rate_limited');
      await client.close();
    } finally {
      await limited.close();
    }
  });
});

describe('serve: /mcp counts tool calls, not messages', () => {
  it('spends one request per tools/call; initialize, tools/list and notifications are free; a refused call is an isError result', async () => {
    const limited = await startTestServer({ apiKey: ADMIN_KEY, env: { PIPEWRIGHT_REQUESTS_PER_MINUTE: '3' } });
    try {
      const transport = new StreamableHTTPClientTransport(new URL(`${limited.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${ADMIN_KEY}` } },
      });
      const client = new Client({ name: 'budget-test', version: '1.0.0' });
      await client.connect(transport);
      for (let i = 0; i < 20; i += 1) await client.listTools();
      const list = () => client.callTool({ name: 'list_node_types', arguments: {} }) as Promise<CallToolResult>;
      for (let i = 0; i < 3; i += 1) expect((await list()).isError).toBeFalsy();
      // Arrives as a tool result the SDK client hands back (listTools above armed its output-schema
      // checks), not as an HTTP 429 the transport would throw on.
      const refused = await list();
      expect(refused.isError).toBe(true);
      expect(refused.structuredContent).toBeUndefined();
      const retryAfter = refused._meta?.retryAfter as number;
      expect(retryAfter).toBeGreaterThan(0);
      const text = JSON.stringify(refused.content);
      expect(text).toContain('rate_limited');
      expect(text).toContain(`Wait ${retryAfter} seconds`);
      // The key's budget is one: REST sees it spent too, and /mcp reports it in its headers.
      expect((await fetch(`${limited.url}/api/v1/workflows`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).status).toBe(429);
      const listing = await fetch(`${limited.url}/mcp`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
      });
      expect([listing.status, listing.headers.get('x-ratelimit-limit'), listing.headers.get('x-ratelimit-remaining')]).toEqual([200, '3', '0']);
      await listing.body?.cancel();
      await client.close();
    } finally {
      await limited.close();
    }
  });
});
