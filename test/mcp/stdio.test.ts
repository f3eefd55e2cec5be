import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, BUILT_CLI } from '../support/built-cli.js';
import { structured } from './harness.js';
import { imageGraph } from './fixtures.js';
import { connectBuiltMcp } from './stdio-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEE = fileURLToPath(new URL('./fixtures/tee-stdout.mjs', import.meta.url));

let home: string;
beforeAll(async () => {
  assertFreshBuild();
  home = await mkdtemp(join(tmpdir(), 'pipewright-stdio-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

// The built CLI, as `pipewright mcp` runs for a user (`npm test` builds first), its stdout copied to `capture`.
const spawnMcp = (capture: string) => connectBuiltMcp({ PIPEWRIGHT_HOME: home, PIPEWRIGHT_LOG_LEVEL: 'debug' }, [TEE, capture, process.execPath]);

describe('pipewright mcp over stdio', () => {
  it('runs define → validate → save → execute (dry run) → poll → get, with nothing but JSON-RPC on stdout, and exits 0 by itself when stdin closes', async () => {
    const capture = join(home, 'stdout.jsonl');
    const { client, transport, call, stderr, transportErrors } = await spawnMcp(capture);

    expect(structured(await call('validate_workflow', imageGraph))).toMatchObject({ ok: true });
    const { workflow } = structured<{ workflow: { id: string } }>(await call('save_workflow', { name: 'Stdio', ...imageGraph }));
    const run = structured<{ executionId: string }>(await call('execute_workflow', { workflowId: workflow.id, dryRun: true }));
    await expect
      .poll(async () => structured<{ status: string }>(await call('poll_execution', { executionId: run.executionId })).status, { timeout: 15_000 })
      .toBe('COMPLETED');
    const polled = await call('poll_execution', { executionId: run.executionId });
    const got = await call('get_execution', { executionId: run.executionId });
    const { execution } = structured<{ execution: { id: string; credits: number; nodes: unknown[] } }>(got);
    expect(execution).toMatchObject({ id: run.executionId, credits: 0 });
    expect(execution.nodes).toHaveLength(3);
    // No server runs here to sign a URL: stored files are resources this server reads, never a relative URL.
    const file = structured<{ finalOutput: { result: string } }>(polled).finalOutput.result;
    expect(file).toMatch(/^pipewright:\/\/artifacts\/art_[0-9a-f]{24}$/);
    expect(polled.content).toContainEqual(expect.objectContaining({ type: 'resource_link', uri: file }));
    expect(JSON.stringify([polled, got])).not.toContain('/api/v1');
    expect((await client.readResource({ uri: file })).contents[0]).toMatchObject({ mimeType: 'image/png', blob: expect.any(String) });

    // The client goes away: the server's stdin ends. Not through client.close(), which kills a
    // child still running 2 s later; what matters is that it exits by itself, with 0, however long a loaded box takes.
    const exited = new Promise<void>((resolve) => (transport.onclose = resolve));
    process.kill(transport.pid!, 'SIGUSR2');
    await exited;
    expect(JSON.parse(await readFile(`${capture}.exit`, 'utf8'))).toEqual({ code: 0, signal: null });
    await client.close();

    const lines = (await readFile(capture, 'utf8')).split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) expect(JSONRPCMessageSchema.safeParse(JSON.parse(line)).success, line).toBe(true);
    expect(transportErrors).toEqual([]);
    expect(stderr.join('')).toContain('serving on stdio');
  }, 60_000);

  it('exits 0 on SIGTERM, leaving stdout empty', async () => {
    const child = spawn(process.execPath, [BUILT_CLI, 'mcp'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PIPEWRIGHT_HOME: home },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await expect.poll(() => stderr, { timeout: 15_000 }).toContain('serving on stdio');
    child.kill('SIGTERM');
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stdout).toBe('');
  }, 30_000);
});
