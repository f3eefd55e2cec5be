import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, runBuilt } from '../support/built-cli.js';
import { expectMainOutputs, expectOneCallPerRequest, MAIN_GRAPH } from './support/main-graph.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

let home: string;

beforeAll(() => assertFreshBuild());
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-e2e-run-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function runGraph(graph: unknown, env: Record<string, string> = {}) {
  const file = join(home, 'graph.json');
  await writeFile(file, JSON.stringify(graph));
  const result = await runBuilt(['run', file, '--json'], { PIPEWRIGHT_HOME: home, ...env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('built CLI: pipewright run <file>', () => {
  let standIns: StandIns;
  beforeEach(async () => {
    standIns = await startStandIns();
  });
  afterEach(() => standIns.close());

  it('runs the main job with one provider call per request and shows files as file:// paths', async () => {
    const run = await runGraph(MAIN_GRAPH, standIns.env);
    expect(run.status).toBe('COMPLETED');
    expectMainOutputs(run.finalOutput);
    expectOneCallPerRequest(standIns);
    const sheet = String(run.finalOutput.sheet);
    expect(sheet).toMatch(/^file:\/\//);
    const meta = await sharp(await readFile(fileURLToPath(sheet))).metadata();
    expect(meta.width).toBeGreaterThanOrEqual(64);
  });
});

describe('built CLI: outbound fetches of utility and input nodes', () => {
  let site: Server;
  let origin: string;
  const hits: string[] = [];

  beforeAll(async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2060c0' } })
      .png()
      .toBuffer();
    site = createServer((request, response) => {
      hits.push(`${request.method} ${request.url}`);
      if (request.url === '/photo.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end(png);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ greeting: 'hello', method: request.method }));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('completes a utility:http_request graph against a loopback server', async () => {
    const run = await runGraph({
      name: 'http',
      nodes: [
        { id: 'get', data: { nodeType: 'utility:http_request', config: { url: `${origin}/api/greeting` } } },
        { id: 'out', data: { nodeType: 'output:result', config: { name: 'body' } } },
      ],
      edges: [{ id: 'e', source: 'get', target: 'out', sourceHandle: 'out-body', targetHandle: 'in-value' }],
    });
    expect(run.status).toBe('COMPLETED');
    expect(run.finalOutput).toEqual({ body: { greeting: 'hello', method: 'GET' } });
    expect(hits).toContain('GET /api/greeting');
  });

  it('reads an input:image URL and resizes it', async () => {
    const run = await runGraph({
      name: 'image url',
      nodes: [
        { id: 'photo', data: { nodeType: 'input:image', config: { image: `${origin}/photo.png` } } },
        { id: 'small', data: { nodeType: 'utility:image_resize', config: { width: 20, height: 15 } } },
        { id: 'out', data: { nodeType: 'output:result', config: { name: 'small' } } },
      ],
      edges: [
        { id: 'e1', source: 'photo', target: 'small', sourceHandle: 'out-image', targetHandle: 'in-image' },
        { id: 'e2', source: 'small', target: 'out', sourceHandle: 'out-image', targetHandle: 'in-value' },
      ],
    });
    expect(run.status, JSON.stringify(run.nodes)).toBe('COMPLETED');
    expect(hits).toContain('GET /photo.png');
    const meta = await sharp(await readFile(fileURLToPath(String(run.finalOutput.small)))).metadata();
    expect([meta.width, meta.height]).toEqual([20, 15]);
  });
});
