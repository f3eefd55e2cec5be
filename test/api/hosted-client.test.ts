import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, UNLIMITED } from './exec-helpers.js';
import { startFakeLlm, type FakeLlm } from './fake-llm.js';
import { llmChain } from './flows.js';
import { BASE, call, startTestServer, type TestServer } from './harness.js';

// A hosted API's public client (bash, curl, jq) against the real server: it knows COMPLETED and
// FAILED only, so a cancelled run must end it like a failed one, not leave it polling forever.

const CLIENT = fileURLToPath(new URL('./fixtures/hosted-poll-client.sh', import.meta.url));
const POLL_INTERVAL_MS = 1_000;

let server: TestServer;
let llm: FakeLlm;
let script: ChildProcess | undefined;

beforeAll(async () => {
  llm = await startFakeLlm();
  server = await startTestServer({ ...UNLIMITED, env: { OPENAI_BASE_URL: llm.baseUrl } });
});
afterEach(() => {
  if (script?.exitCode === null) script.kill('SIGKILL');
});
afterAll(async () => {
  llm.release();
  await server.close();
  await llm.close();
});

function runClient(workflowId: string) {
  const child = spawn('bash', [CLIENT], {
    env: { ...process.env, API: `${server.url}${BASE}`, KEY: server.adminKey, WORKFLOW: workflowId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exit, stdout: () => stdout, stderr: () => stderr };
}

/** The exit code, or 'still polling' when the script has not ended within `ms`. */
function within(exit: Promise<number | null>, ms: number): Promise<number | null | 'still polling'> {
  return Promise.race([exit, new Promise<'still polling'>((resolve) => setTimeout(() => resolve('still polling'), ms))]);
}

describe('a bash client that polls until COMPLETED or FAILED', () => {
  it('ends within about one poll interval of a cancel, and sees the run was cancelled', async () => {
    llm.knobs.hold = true;
    const { id } = await createWorkflow(server, llmChain(2, 'hosted client'));
    const run = runClient(id);
    script = run.child;
    const executionId = () => /^execution (\S+)$/m.exec(run.stdout())?.[1];
    await expect.poll(executionId, { timeout: 10_000 }).toBeDefined();
    await llm.waitForCall('hosted client');

    const cancelled = await call(server, 'POST', `/workflows/executions/${executionId()}/cancel`);
    expect(cancelled.status).toBe(202);
    const code = await within(run.exit, POLL_INTERVAL_MS * 2.5);

    expect({ code, stdout: run.stdout(), stderr: run.stderr() }).toMatchObject({ code: 0, stdout: expect.stringMatching(/^cancelled\nstatus FAILED\n$/m) });
  });
});
