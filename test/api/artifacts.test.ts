import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, detail, execute, nodeState, pollUntil, UNLIMITED } from './exec-helpers.js';
import { edge, node } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// File outputs a hosted client can download: absolute, signed, expiring URLs that open without a
// key, beside the owner's keyed access. A dry run's placeholder image is the file.

const placeholderFlow = {
  name: 'Placeholder image',
  nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('img', 'generate:flux_2'), node('out', 'output:result', { name: 'image' })],
  edges: [edge('prompt', 'text', 'img', 'prompt'), edge('img', 'image', 'out', 'value')],
};

/** input:image → convert (reads the bytes) → "converted", and the image itself → "same". */
const rereadFlow = {
  name: 'Read it back',
  nodes: [
    node('photo', 'input:image', {}, 'Photo'),
    node('convert', 'utility:image_convert', { format: 'png' }),
    node('converted', 'output:result', { name: 'converted' }),
    node('same', 'output:result', { name: 'same' }),
  ],
  edges: [edge('photo', 'image', 'convert', 'image'), edge('convert', 'image', 'converted', 'value'), edge('photo', 'image', 'same', 'value')],
};

let server: TestServer;
let executionId: string;
let url: string;

/** `{ id, exp, sig }` of one of this server's signed artifact URLs, failing on any other shape. */
function signed(candidate: unknown, base = server.url): { id: string; exp: number; sig: string } {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped}/api/v1/artifacts/(art_[0-9a-f]{24})\\?exp=([0-9]+)&sig=([A-Za-z0-9_-]{43})$`).exec(String(candidate));
  if (match === null) throw new Error(`not a signed artifact URL of ${base}: ${String(candidate)}`);
  return { id: match[1]!, exp: Number(match[2]), sig: match[3]! };
}

async function run(target: TestServer, workflow: object, body: object = { dryRun: true }): Promise<{ executionId: string; poll: any }> {
  const { id } = await createWorkflow(target, workflow);
  const started = (await execute(target, id, body)).body.executionId as string;
  const poll = await pollUntil(target, started);
  expect(poll.status, JSON.stringify(poll)).toBe('COMPLETED');
  return { executionId: started, poll };
}

const keyless = (target: string) => fetch(target);

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  const done = await run(server, placeholderFlow);
  executionId = done.executionId;
  url = nodeState(done.poll, 'img').outputUrl;
});
afterAll(() => server.close());

describe('file output URLs', () => {
  it('are absolute and signed in poll, detail, finalOutput and the list, all naming one file', async () => {
    const poll = await pollUntil(server, executionId);
    const record = await detail(server, executionId);
    const list = await call(server, 'GET', '/workflows/executions');
    const listed = list.body.data.find((item: { id: string }) => item.id === executionId);
    const found = [
      url,
      poll.finalOutput.image,
      record.finalOutput.image,
      record.nodes.find((n: { nodeId: string }) => n.nodeId === 'img').output.image,
      listed.finalOutput.image,
    ];
    const ids = new Set(found.map((candidate) => signed(candidate).id));
    expect(ids.size).toBe(1);
    const lifetime = signed(url).exp - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(7 * 24 * 3600 - 60);
    expect(lifetime).toBeLessThan(7 * 24 * 3600 + 3600);
    expect(JSON.stringify([poll, record, list.body])).not.toContain('pipewright://');
  });

  it('open without a key: the bytes, their type, privately cached and never sniffed', async () => {
    const response = await keyless(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Cache-Control')).toMatch(/^private/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const keyed = await fetch(`${server.url}/api/v1/artifacts/${signed(url).id}`, { headers: { Authorization: `Bearer ${server.adminKey}` } });
    expect(Buffer.from(await keyed.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuse a tampered signature, another id or expiry under it, or half a signature: 403 without a key', async () => {
    const { id, exp, sig } = signed(url);
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    for (const query of [`exp=${exp}&sig=${flipped}`, `exp=${exp + 3600}&sig=${sig}`, `exp=${exp}`, `sig=${sig}`]) {
      const reply = await call(server, 'GET', `/artifacts/${id}?${query}`, { key: null });
      expect(reply.status, query).toBe(403);
      expect(codeOf(reply)).toBe('invalid_signature');
      expect(reply.body.error.type).toBe('permission_error');
    }
    const elsewhere = await call(server, 'GET', `/artifacts/art_000000000000000000000000?exp=${exp}&sig=${sig}`, { key: null });
    expect([elsewhere.status, codeOf(elsewhere)]).toEqual([403, 'invalid_signature']);
  });

  it('keep keyed access: the owner reads, another account gets 404, no key and no signature is 401', async () => {
    const { id } = signed(url);
    const keys = await KeyMaker.open(server.home);
    const other = await keys.otherAccount();
    await keys.close();
    expect((await call(server, 'GET', `/artifacts/${id}`)).status).toBe(200);
    const foreign = await call(server, 'GET', `/artifacts/${id}`, { key: other });
    expect([foreign.status, codeOf(foreign)]).toEqual([404, 'not_found']);
    expect((await call(server, 'GET', '/artifacts/art_doesnotexist', { key: other })).status).toBe(404);
    // A key decides, whatever the query carries: the signature does not lend another account the file.
    expect((await call(server, 'GET', `${new URL(url).pathname.slice('/api/v1'.length)}${new URL(url).search}`, { key: other })).status).toBe(404);
    expect(codeOf(await call(server, 'GET', `/artifacts/${id}`, { key: null }))).toBe('missing_api_key');
  });

  it('come back as inputs: the same file is read from the store, and shown signed again', async () => {
    const { poll } = await run(server, rereadFlow, { inputs: { photo: url } });
    expect(signed(poll.finalOutput.same).id).toBe(signed(url).id);
    const original = await sharp(Buffer.from(await (await keyless(url)).arrayBuffer())).metadata();
    const converted = await sharp(Buffer.from(await (await keyless(poll.finalOutput.converted)).arrayBuffer())).metadata();
    expect(converted).toMatchObject({ format: 'png', width: original.width, height: original.height });
  });

  it('are signed with one secret by every server on the same home', async () => {
    const sibling = await startTestServer({ ...UNLIMITED, home: server.home });
    try {
      const { id, exp, sig } = signed(url);
      const response = await keyless(`${sibling.url}/api/v1/artifacts/${id}?exp=${exp}&sig=${sig}`);
      expect(response.status).toBe(200);
      const theirs = signed((await pollUntil(sibling, executionId)).finalOutput.image, sibling.url);
      expect(theirs).toEqual({ id, exp, sig });
    } finally {
      await sibling.close();
    }
  });

  it('are the same in MCP results over HTTP, beside resource links the key reads', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${server.adminKey}` } },
    });
    const client = new Client({ name: 'artifact-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const result = (await client.callTool({ name: 'poll_execution', arguments: { executionId } })) as CallToolResult;
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const view = result.structuredContent as { finalOutput: { image: string } };
      expect(signed(view.finalOutput.image).id).toBe(signed(url).id);
      expect((await keyless(view.finalOutput.image)).status).toBe(200);
      const links = result.content.filter((block): block is ResourceLink => block.type === 'resource_link');
      expect(links.map((link) => link.uri)).toEqual([`pipewright://artifacts/${signed(url).id}`]);
      const read = await client.readResource({ uri: links[0]!.uri });
      expect(read.contents[0]?.mimeType).toBe('image/png');
    } finally {
      await client.close();
    }
  });
});

describe('a scripted file', () => {
  it('is served sandboxed and never sniffed, with a key and by its signed URL', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(document.domain)</script><rect width="4" height="4"/></svg>';
    const flow = {
      name: 'Scripted',
      nodes: [node('photo', 'input:image', {}), node('out', 'output:result', { name: 'image' })],
      edges: [edge('photo', 'image', 'out', 'value')],
    };
    const { poll } = await run(server, flow, { inputs: { photo: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` } });
    const { id } = signed(poll.finalOutput.image);
    const keyed = await fetch(`${server.url}/api/v1/artifacts/${id}`, { headers: { Authorization: `Bearer ${server.adminKey}` } });
    for (const response of [await keyless(poll.finalOutput.image), keyed]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
      expect(response.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'");
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(await response.text()).toBe(svg);
    }
    const png = await keyless(url);
    expect([png.headers.get('Content-Type'), png.headers.get('Content-Security-Policy')]).toEqual(['image/png', 'sandbox']);
  });
});

describe('an expired file output URL', () => {
  it('is refused with 403 expired_signature, while the key still reads the file', async () => {
    // The server's clock is moved past the URL's expiry instead of waiting for it.
    let aheadMs = 0;
    const short = await startTestServer({ ...UNLIMITED, now: () => new Date(Date.now() + aheadMs) });
    try {
      const { poll } = await run(short, placeholderFlow);
      const shortUrl = poll.finalOutput.image as string;
      const { id, exp } = signed(shortUrl, short.url);
      expect((await keyless(shortUrl)).status).toBe(200);
      aheadMs = exp * 1000 - Date.now() + 1000;
      const reply = await keyless(shortUrl);
      expect(reply.status).toBe(403);
      expect(((await reply.json()) as { error: { code: string } }).error.code).toBe('expired_signature');
      expect((await call(short, 'GET', `/artifacts/${id}`)).status).toBe(200);
      expect(signed((await pollUntil(short, poll.executionId)).finalOutput.image, short.url).exp).toBeGreaterThan(exp);
    } finally {
      await short.close();
    }
  });
});
