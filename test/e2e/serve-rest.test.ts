import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, serveBuilt, type BuiltServer } from '../support/built-cli.js';
import { expectMainOutputs, expectOneCallPerRequest, MAIN_GRAPH } from './support/main-graph.js';
import { ADMIN_KEY, call, pollToEnd } from './support/rest.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

describe('built CLI: serve + REST runs the main job against strict provider stand-ins', () => {
  let home: string;
  let standIns: StandIns;
  let server: BuiltServer;
  let finalOutput: Record<string, unknown> = {};
  let workflowId = '';

  beforeAll(async () => {
    assertFreshBuild();
    home = await mkdtemp(join(tmpdir(), 'pw-e2e-serve-'));
    standIns = await startStandIns();
    // The operator allows loopback: here the "provider" and its file host are on this machine.
    server = await serveBuilt({ PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', ...standIns.env });
  });

  afterAll(async () => {
    await server?.stop();
    await standIns?.close();
    if (home !== undefined) await rm(home, { recursive: true, force: true });
  });

  it('creates, executes and polls to COMPLETED with one provider call per request', async () => {
    const created = await call(server.url, 'POST', '/workflows', MAIN_GRAPH);
    expect(created.status).toBe(201);
    workflowId = created.json.data.id;
    const started = await call(server.url, 'POST', `/workflows/${workflowId}/execute`, {});
    expect(started.status).toBe(201);
    const done = await pollToEnd(server.url, started.json.executionId);
    expect(done, JSON.stringify(done.nodeStates?.filter((n: { error?: unknown }) => n.error))).toMatchObject({ status: 'COMPLETED' });
    expectMainOutputs(done.finalOutput);
    expectOneCallPerRequest(standIns);
    finalOutput = done.finalOutput;
  });

  it('hands out the grid it made as an absolute, signed URL that opens without a key', async () => {
    const sheet = new URL(String(finalOutput.sheet));
    expect(sheet.origin).toBe(server.url);
    expect([...sheet.searchParams.keys()].sort()).toEqual(['exp', 'sig']);
    const response = await fetch(sheet);
    expect(response.status).toBe(200);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    // Two 32 px thumbnails side by side.
    expect(meta.width).toBeGreaterThanOrEqual(64);
    expect(meta.height).toBeGreaterThanOrEqual(32);
  });

  it('executed again, serves every node from cache with the same outputs and calls no provider', async () => {
    const before = { chats: standIns.openai.requests.length, submits: standIns.fal.counters.submits, downloads: standIns.fal.counters.downloads };
    const started = await call(server.url, 'POST', `/workflows/${workflowId}/execute`, {});
    const again = await pollToEnd(server.url, started.json.executionId);
    expect(again.status).toBe('COMPLETED');
    const { json: detail } = await call(server.url, 'GET', `/workflows/executions/${started.json.executionId}`);
    const nodes = detail.data.nodes as { nodeId: string; cached: boolean }[];
    expect(nodes).toHaveLength(MAIN_GRAPH.nodes.length);
    expect(nodes.filter((node) => !node.cached).map((node) => node.nodeId)).toEqual([]);
    // The same files: signatures are made afresh, the artifact behind them is the one the first run made.
    expect(withoutSignatures(again.finalOutput)).toEqual(withoutSignatures(finalOutput));
    expect({ chats: standIns.openai.requests.length, submits: standIns.fal.counters.submits, downloads: standIns.fal.counters.downloads }).toEqual(before);
  });
});

function withoutSignatures(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/\?exp=\d+&sig=[\w-]+/g, ''));
}
