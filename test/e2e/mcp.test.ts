import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, BUILT_CLI, serveBuilt, userEnv, type BuiltServer } from '../support/built-cli.js';
import { expectMainOutputs, expectOneCallPerRequest, MAIN_GRAPH } from './support/main-graph.js';
import { ADMIN_KEY } from './support/rest.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

let home: string;
let standIns: StandIns;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(() => assertFreshBuild());
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-e2e-mcp-'));
  standIns = await startStandIns();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await standIns.close();
  await rm(home, { recursive: true, force: true });
});

/** `pipewright mcp` as Claude Code starts it: the installed command, stdio, settings in env. */
async function connectMcp(env: Record<string, string>): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BUILT_CLI, 'mcp'],
    env: userEnv(env) as Record<string, string>,
    stderr: 'pipe',
  });
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  await client.connect(transport);
  cleanups.push(() => client.close());
  return client;
}

async function executeMainGraph(client: Client): Promise<CallToolResult> {
  const result = (await client.callTool({ name: 'execute_workflow', arguments: { ...MAIN_GRAPH, waitSeconds: 60 } }, undefined, {
    timeout: 90_000,
  })) as CallToolResult;
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  expect(result.structuredContent).toMatchObject({ finished: true, status: 'COMPLETED' });
  return result;
}

function texts(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

describe('built CLI: pipewright mcp over stdio', () => {
  it('runs the main job on the embedded store and links its files as pipewright:// resources', async () => {
    const client = await connectMcp({ PIPEWRIGHT_HOME: home, ...standIns.env });
    const result = await executeMainGraph(client);
    expectMainOutputs(result.structuredContent!.finalOutput as Record<string, unknown>);
    expectOneCallPerRequest(standIns);
    const links = result.content.filter((part) => part.type === 'resource_link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.uri).toMatch(/^pipewright:\/\/artifacts\/art_/);
    // Nothing that looks like a URL on a server that is not running.
    expect(texts(result) + JSON.stringify(result.structuredContent)).not.toMatch(/"\/api\/v1\//);
  });

  it('in remote mode runs the main job on a running serve and hands back URLs that open without a key', async () => {
    const server: BuiltServer = await serveBuilt({
      PIPEWRIGHT_HOME: home,
      PIPEWRIGHT_API_KEY: ADMIN_KEY,
      PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1',
      ...standIns.env,
    });
    cleanups.push(() => server.stop());
    const client = await connectMcp({ PIPEWRIGHT_API_URL: server.url, PIPEWRIGHT_API_KEY: ADMIN_KEY });
    const result = await executeMainGraph(client);
    const finalOutput = result.structuredContent!.finalOutput as Record<string, unknown>;
    expectMainOutputs(finalOutput);
    expectOneCallPerRequest(standIns);
    const sheet = await fetch(String(finalOutput.sheet));
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toBe('image/png');
  });
});
