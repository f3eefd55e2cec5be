import { afterEach, describe, expect, it } from 'vitest';
import { createWorkflow, detail, execute, nodeState, pollUntil } from '../api/exec-helpers.js';
import { startFakeLlm } from '../api/fake-llm.js';
import { llmChain } from '../api/flows.js';
import { ADMIN_KEY, call, tempHome } from '../api/harness.js';
import { killServed, serveBuilt as serve } from '../support/built-cli.js';

afterEach(killServed);

// The real `pipewright serve`, killed with SIGKILL mid-run and started again on the same home.
// Four paid LLM calls (1 credit each) in a chain, answered slowly by a loopback fake that counts
// the calls per node (each node's prompt is distinct).

describe('pipewright serve after SIGKILL', () => {
  it('resumes the run: one COMPLETED record per node, completed nodes not re-run, nothing charged twice', async () => {
    const llm = await startFakeLlm();
    llm.knobs.delayMs = 300;
    const env = { PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_API_KEY: ADMIN_KEY, OPENAI_BASE_URL: llm.baseUrl };
    try {
      const first = await serve(env);
      const server = { url: first.url, adminKey: ADMIN_KEY };
      const { id } = await createWorkflow(server, llmChain(4, 'crash'));
      const { executionId } = (await execute(server, id)).body;
      // llm2's call has arrived: llm1 is COMPLETED (and stored) and llm2 RUNNING.
      await llm.waitForCall('crash +1');
      const before = await pollUntil(server, executionId, { until: (p) => nodeState(p, 'llm2').status === 'RUNNING' });
      expect(nodeState(before, 'llm1').status).toBe('COMPLETED');
      first.child.kill('SIGKILL');
      await first.exit;

      const second = await serve(env);
      const restarted = { url: second.url, adminKey: ADMIN_KEY };
      const after = await pollUntil(restarted, executionId, { timeoutMs: 60_000 });
      expect(after.status).toBe('COMPLETED');
      expect(after.finalOutput).toEqual({ text: 'crash +1 +1 +1 +1' });

      const record = await detail(restarted, executionId);
      expect(record.nodes.map((n: any) => n.nodeId).sort()).toEqual(['llm1', 'llm2', 'llm3', 'llm4', 'out', 'seed']);
      for (const node of record.nodes) expect(node.status).toBe('COMPLETED');
      // llm1 finished before the kill: never called again. llm2 was mid-call: called again once.
      expect(llm.callsFor('crash')).toBe(1);
      expect(llm.callsFor('crash +1')).toBe(2);
      expect(llm.callsFor('crash +1 +1')).toBe(1);
      expect(llm.callsFor('crash +1 +1 +1')).toBe(1);
      expect(record.credits).toBe(4);
      expect(record.nodes.reduce((sum: number, n: any) => sum + n.credits, 0)).toBe(4);
      const usage = (await call(restarted, 'GET', '/developer/usage')).body.data;
      expect(usage).toMatchObject({ balance: 996, usedToday: { credits: 4, executions: 1 } });

      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    } finally {
      await llm.close();
    }
  }, 120_000);
});
