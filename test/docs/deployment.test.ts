import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertFreshBuild, BUILT_CLI, userEnv } from '../support/built-cli.js';
import { startS3Server } from '../support/s3-server.js';
import { usePostgresCluster } from '../e2e/support/postgres-cluster.js';
import { ADMIN_KEY, call } from '../e2e/support/rest.js';
import { startStandIns, type StandIns } from '../e2e/support/stand-ins.js';
import { eventually, GRAPH } from '../e2e/support/workers.js';

const DOC = new URL('../../docs/deployment.md', import.meta.url);
const MARK = /<!-- deployment-test: ([a-z-]+) (env|process|mcp) -->\n```sh\n([\s\S]*?)```/g;

type Role = 'env' | 'process' | 'mcp';
interface Block {
  role: Role;
  text: string;
}

/** The marked shell blocks of docs/deployment.md, by topology, in the order a reader meets them. */
async function topologies(): Promise<Map<string, Block[]>> {
  const doc = await readFile(DOC, 'utf8');
  const found = new Map<string, Block[]>();
  for (const [, topology, role, text] of doc.matchAll(MARK)) {
    if (!found.has(topology!)) found.set(topology!, []);
    found.get(topology!)!.push({ role: role as Role, text: text! });
  }
  return found;
}

/** The names a topology's `export NAME=value` lines set: their values are the reader's own, so the test gives its own. */
function exportedNames(blocks: Block[]): string[] {
  return blocks
    .filter((block) => block.role === 'env')
    .flatMap((block) => block.text.split('\n'))
    .map((line) => /^export ([A-Z0-9_]+)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A receiver on 127.0.0.1 for one completion callback: its URL, and the first body POSTed to it. */
async function receiveOneCallback(): Promise<{ url: string; origin: string; body: Promise<unknown> }> {
  let told!: (body: unknown) => void;
  const body = new Promise<unknown>((resolve) => {
    told = resolve;
  });
  const server = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    res.writeHead(204).end();
    told(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url: `${origin}/done`, origin, body };
}

const started: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

/** Runs a block as a reader pastes it into a terminal: `sh -c`, its own process group, so everything it starts is stopped with it. */
function runBlock(text: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn('sh', ['-c', text], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  started.push(child);
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}

/** `pipewright mcp` answers an MCP initialize on its stdin with its server info. */
function initializeMcp(child: ChildProcess): Promise<unknown> {
  let out = '';
  const answer = new Promise<unknown>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((one) => one.includes('"id":1'));
      if (line) resolve(JSON.parse(line));
    });
  });
  const params = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'deployment-test', version: '0' } };
  child.stdin!.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params })}\n`);
  return answer;
}

describe('docs/deployment.md, followed as written with the built CLI', () => {
  const createDatabase = usePostgresCluster();
  let blocks: Map<string, Block[]>;
  let bin: string;
  let standIns: StandIns;

  beforeAll(async () => {
    assertFreshBuild();
    blocks = await topologies();
    // `pipewright` on the PATH, as the installed command is.
    bin = await mkdtemp(join(tmpdir(), 'pw-deploy-bin-'));
    await writeFile(join(bin, 'pipewright'), `#!/bin/sh\nexec "${process.execPath}" "${BUILT_CLI}" "$@"\n`);
    await chmod(join(bin, 'pipewright'), 0o755);
    standIns = await startStandIns();
  });

  afterAll(async () => {
    await standIns?.close();
    await rm(bin, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
    for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp();
  });

  /**
   * The topology's environment: each name its env block exports, set to the test's value for it
   * (a name the test does not know fails, so the doc and the test cannot drift apart), then the
   * stand-ins' addresses, which a reader's real providers do not need.
   */
  async function environment(topology: string, own: Record<string, string>): Promise<{ env: NodeJS.ProcessEnv; base: string }> {
    const home = await mkdtemp(join(tmpdir(), 'pw-deploy-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const port = String(await freePort());
    const values: Record<string, string> = {
      PIPEWRIGHT_HOME: join(home, '.pipewright'),
      PORT: port,
      PIPEWRIGHT_PUBLIC_URL: `http://127.0.0.1:${port}`,
      PIPEWRIGHT_API_KEY: ADMIN_KEY,
      OPENAI_API_KEY: standIns.env.OPENAI_API_KEY!,
      FAL_KEY: standIns.env.FAL_KEY!,
      ...own,
    };
    const names = exportedNames(blocks.get(topology) ?? []);
    expect(names.length).toBeGreaterThan(0);
    const unknown = names.filter((name) => values[name] === undefined);
    expect(unknown, `docs/deployment.md exports names this test has no value for (${topology})`).toEqual([]);
    const chosen = Object.fromEntries(names.map((name) => [name, values[name]!]));
    const env = userEnv({
      ...chosen,
      ...standIns.env,
      // The stand-ins are on 127.0.0.1, which a server refuses to reach unless allowed.
      PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1',
      HOME: home,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    return { env, base: `http://127.0.0.1:${port}` };
  }

  /** Starts the topology's processes one after another, the API first (waited for on /healthz), then checks one execution. */
  async function followTopology(topology: string, env: NodeJS.ProcessEnv, base: string): Promise<void> {
    const steps = (blocks.get(topology) ?? []).filter((block) => block.role !== 'env');
    expect(steps.length).toBeGreaterThan(0);
    for (const [i, step] of steps.entries()) {
      const child = runBlock(step.text, env);
      if (step.role === 'mcp') {
        expect(await initializeMcp(child)).toMatchObject({ result: { serverInfo: { name: expect.any(String) } } });
      } else if (i === 0) {
        await eventually(async () => expect((await fetch(`${base}/api/v1/healthz`)).status).toBe(200));
      }
    }
    standIns.fal.knobs.hang = false;
    const created = await call(base, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const callback = await receiveOneCallback();
    const run = await call(base, 'POST', `/workflows/${created.json.data.id}/execute`, { callbackUrl: callback.url });
    expect(run.status).toBe(201);
    // Once a second: the topology's own rate limit (the plan's 60 requests a minute) holds here too.
    await vi.waitFor(
      async () => expect((await call(base, 'GET', `/workflows/executions/${run.json.executionId}`)).json.data).toMatchObject({ status: 'COMPLETED' }),
      { timeout: 60_000, interval: 1_000 },
    );
    // The poster is a file in the topology's artifact store (the bucket in topology 3), served by the API.
    const view = (await call(base, 'GET', `/workflows/executions/${run.json.executionId}`)).json.data;
    const file = /"(http:[^"]+\/api\/v1\/artifacts\/art_[^"]+)"/.exec(JSON.stringify(view));
    expect(file, JSON.stringify(view)).not.toBeNull();
    expect((await fetch(file![1]!)).status).toBe(200);
    // Whichever process sends the completion callback (a worker, in topologies 2 and 3), its file URLs are the API's.
    const told = JSON.stringify(await callback.body);
    expect(told).toContain(`${base}/api/v1/artifacts/art_`);
    expect(told.match(/https?:\/\/[^/"]+/g)?.filter((origin) => origin !== base && origin !== callback.origin) ?? []).toEqual([]);
  }

  it('1. one machine, one process: serve on a SQLite home', async () => {
    const { env, base } = await environment('one-machine', {});
    await followTopology('one-machine', env, base);
  });

  it('2. one machine, several processes: serve --no-worker, a worker and mcp on one home', async () => {
    const { env, base } = await environment('one-home', {});
    await followTopology('one-home', env, base);
  });

  it('3. many machines: PostgreSQL, an API process and a worker, files in an S3-compatible bucket', async () => {
    const s3 = await startS3Server(['pipewright-files']);
    cleanups.push(() => s3.stop());
    const { env, base } = await environment('many-machines', {
      PIPEWRIGHT_DATABASE_URL: await createDatabase(),
      PIPEWRIGHT_ARTIFACTS_URL: 's3://pipewright-files/prod',
      ...s3.env,
    });
    await followTopology('many-machines', env, base);
  });
});
