import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, execute, UNLIMITED } from '../api/exec-helpers.js';
import { greetingFlow } from '../api/flows.js';
import { type TestServer, startTestServer, tempHome } from '../api/harness.js';
import { runBuilt } from '../support/built-cli.js';

// `pipewright wait exec_…` follows a run someone else started, against a remote API, and answers
// like `run` does: node lines, outputs, the exit code of its final status.

let server: TestServer;
let workflowId: string;

const remote = () => ({ PIPEWRIGHT_API_URL: server.url, PIPEWRIGHT_API_KEY: server.adminKey, PIPEWRIGHT_HOME: tempHome() });

async function started(name: string): Promise<string> {
  const reply = await execute(server, workflowId, { inputs: { name } });
  expect(reply.status).toBe(201);
  return (reply.body as { executionId: string }).executionId;
}

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  workflowId = (await createWorkflow(server, greetingFlow())).id;
});
afterAll(() => server.close());

describe('pipewright wait <executionId>', () => {
  it('follows a run started through the API to its end: node lines, the viewer link, the outputs, exit 0', async () => {
    const executionId = await started('Grace');
    const result = await runBuilt(['wait', executionId], remote());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('greeting: Hello Grace');
    expect(result.stderr).toContain(`Watch it live: ${server.url}/app/executions/${executionId}`);
    expect(result.stderr).toMatch(/^completed\s+greet$/m);
    expect(result.stderr).toContain(`COMPLETED · ${executionId}`);
  });

  it('prints the stored record with --json', async () => {
    const executionId = await started('Linus');
    const result = await runBuilt(['wait', executionId, '--json'], remote());
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: executionId, status: 'COMPLETED', finalOutput: { greeting: 'Hello Linus' } });
  });

  it('says so when there is no such execution: exit 2, the id named, no stack trace', async () => {
    const result = await runBuilt(['wait', 'exec_doesnotexist'], remote());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('exec_doesnotexist');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
