import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, BUILT_CLI, runBuilt, serveBuilt, userEnv } from '../support/built-cli.js';
import { type S3Server, startS3Server } from '../support/s3-server.js';
import { node, wire } from './support/main-graph.js';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { ADMIN_KEY, call, pollToEnd } from './support/rest.js';
import { startStandIns } from './support/stand-ins.js';
import { cleanUpWorkers, startWorker } from './support/workers.js';

// docs/deployment.md, "Output files on many machines": processes that share no disk share one
// bucket, so an API process serves the files a worker elsewhere made.

const BUCKET = 'pw-e2e-artifacts';
const ARTIFACTS_URL = `s3://${BUCKET}/outputs`;

/** A 64×48 PNG: what the workflows below are given inline. */
function makePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
}

/** A photo given inline, kept as it is (`original`) and resized by the worker (`thumb`). */
function graph(photo: Buffer) {
  return {
    name: 'files in a bucket',
    nodes: [
      node('photo', 'input:image', { image: `data:image/png;base64,${photo.toString('base64')}` }),
      node('resize', 'utility:image_resize', { width: 32 }),
      node('original', 'output:result', { name: 'original' }),
      node('thumb', 'output:result', { name: 'thumb' }),
    ],
    edges: [wire('photo', 'image', 'resize', 'image'), wire('photo', 'image', 'original', 'value'), wire('resize', 'image', 'thumb', 'value')],
  };
}

const homes: string[] = [];
const clients: Client[] = [];
async function newHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'pw-e2e-s3-'));
  homes.push(home);
  return home;
}

let s3: S3Server;
beforeAll(async () => {
  assertFreshBuild();
  s3 = await startS3Server([BUCKET]);
});
afterAll(() => s3?.stop());
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await cleanUpWorkers();
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

const ARTIFACT_REF = /^pipewright:\/\/artifacts\/(art_[0-9a-f]{24})$/;

/** The object the bucket holds for an artifact, read past pipewright. */
async function objectBytes(id: string): Promise<Buffer> {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `outputs/${id}` }));
    return Buffer.from(await object.Body!.transformToByteArray());
  } finally {
    client.destroy();
  }
}

describe('built CLI: output files in an S3-compatible bucket', () => {
  const newDatabase = usePostgresCluster();

  it('a worker on one home runs the workflow; an API process on another home serves its images from the bucket through its signed URLs, byte for byte', async () => {
    const shared = { PIPEWRIGHT_DATABASE_URL: await newDatabase(), ...s3.env };
    const [apiHome, workerHome] = [await newHome(), await newHome()];
    // The API takes the bucket by flag, the worker by variable: both spellings of one setting.
    const api = await serveBuilt({ ...shared, PIPEWRIGHT_HOME: apiHome, PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_REQUESTS_PER_MINUTE: 'unlimited' }, [
      '--no-worker',
      '--artifacts-url',
      ARTIFACTS_URL,
    ]);
    await startWorker({ ...shared, PIPEWRIGHT_HOME: workerHome, PIPEWRIGHT_ARTIFACTS_URL: ARTIFACTS_URL, PIPEWRIGHT_CLAIM_POLL_MS: '200' });
    const photo = await makePhoto();

    const created = await call(api.url, 'POST', '/workflows', graph(photo));
    expect(created.status).toBe(201);
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    expect(started.status).toBe(201);
    const done = await pollToEnd(api.url, started.json.executionId);
    expect(done, JSON.stringify(done.nodeStates)).toMatchObject({ status: 'COMPLETED' });

    const fetched: Record<string, Buffer> = {};
    for (const name of ['original', 'thumb']) {
      const url = new URL(String(done.finalOutput[name]));
      expect(url.origin).toBe(api.url);
      expect([...url.searchParams.keys()].sort()).toEqual(['exp', 'sig']);
      const id = /\/artifacts\/(art_[0-9a-f]{24})$/.exec(url.pathname)![1]!;
      // No key: the signature alone opens it.
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      fetched[name] = Buffer.from(await response.arrayBuffer());
      expect(fetched[name].equals(await objectBytes(id))).toBe(true);
    }
    expect(fetched.original!.equals(photo)).toBe(true);
    expect(await sharp(fetched.thumb!).metadata()).toMatchObject({ format: 'png', width: 32, height: 24 });
    // Nothing was written to either home's folder.
    for (const home of [apiHome, workerHome]) expect(await readdir(home)).not.toContain('artifacts');
  });

  it('a process given a bucket that does not exist stops at start, names it and says what to fix', async () => {
    const result = await runBuilt(['worker'], { PIPEWRIGHT_HOME: await newHome(), ...s3.env, PIPEWRIGHT_ARTIFACTS_URL: 's3://not-created-yet/runs' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Could not open the artifact store in s3:\/\/not-created-yet\/runs\/: the bucket does not exist/m);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("built CLI: a user's own commands on a bucket", () => {
  it('`pipewright run` stores its files in the bucket and prints their references, there being no local file to show', async () => {
    const home = await newHome();
    const photo = await makePhoto();
    const file = join(home, 'graph.json');
    await writeFile(file, JSON.stringify(graph(photo)));
    const result = await runBuilt(['run', file, '--json', '--artifacts-url', ARTIFACTS_URL], { PIPEWRIGHT_HOME: home, ...s3.env });
    expect(result.code, result.stderr).toBe(0);
    const { status, finalOutput } = JSON.parse(result.stdout);
    expect(status).toBe('COMPLETED');
    const id = ARTIFACT_REF.exec(finalOutput.original)?.[1];
    expect(id, finalOutput.original).toBeDefined();
    expect((await objectBytes(id!)).equals(photo)).toBe(true);
    expect(finalOutput.thumb).toMatch(ARTIFACT_REF);
    expect(await readdir(home)).not.toContain('artifacts');
  });

  it('a model node given a file from the bucket uploads its bytes to the provider', async () => {
    const standIns = await startStandIns();
    try {
      const home = await newHome();
      const photo = await makePhoto();
      const edit = {
        name: 'edit a file from the bucket',
        nodes: [
          node('photo', 'input:image', { image: `data:image/png;base64,${photo.toString('base64')}` }),
          node('edit', 'generate:flux_2_edit', { prompt: 'on a beach' }),
        ],
        edges: [wire('photo', 'image', 'edit', 'image')],
      };
      const file = join(home, 'graph.json');
      await writeFile(file, JSON.stringify(edit));
      const result = await runBuilt(['run', file, '--json'], { PIPEWRIGHT_HOME: home, PIPEWRIGHT_ARTIFACTS_URL: ARTIFACTS_URL, ...s3.env, ...standIns.env });
      expect(result.code, result.stderr).toBe(0);
      expect(standIns.falStorage.counters).toMatchObject({ initiates: 1, puts: 1 });
      const [uploaded] = [...standIns.falStorage.files.values()];
      expect(uploaded!.bytes.equals(photo)).toBe(true);
    } finally {
      await standIns.close();
    }
  });

  it('`pipewright mcp` links its files as pipewright:// resources and reads them back from the bucket', async () => {
    const photo = await makePhoto();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BUILT_CLI, 'mcp'],
      env: userEnv({ PIPEWRIGHT_HOME: await newHome(), PIPEWRIGHT_ARTIFACTS_URL: ARTIFACTS_URL, ...s3.env }) as Record<string, string>,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    const result = (await client.callTool({ name: 'execute_workflow', arguments: { ...graph(photo), waitSeconds: 60 } }, undefined, {
      timeout: 90_000,
    })) as CallToolResult;
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const uri = (result.structuredContent as { finalOutput: Record<string, string> }).finalOutput.original!;
    expect(uri).toMatch(ARTIFACT_REF);
    expect(result.content).toContainEqual(expect.objectContaining({ type: 'resource_link', uri }));
    const [read] = (await client.readResource({ uri })).contents;
    expect(read).toMatchObject({ uri, mimeType: 'image/png' });
    expect(Buffer.from((read as { blob: string }).blob, 'base64').equals(photo)).toBe(true);
  });
});
