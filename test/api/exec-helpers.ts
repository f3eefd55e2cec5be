import { expect } from 'vitest';
import { call, type Reply } from './harness.js';

type Server = { url: string; adminKey: string };

export const FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** Limits out of the way, for suites that are not about limits. */
export const UNLIMITED = {
  api: { anonymousRequestsPerMinute: 100_000, webhookTriggersPerMinute: 100_000 },
  services: { planLimits: { pro: { requestsPerMinute: 100_000, executionsPerMinute: 100_000, executionsPerDay: null } } },
};

export async function createWorkflow(server: Server, workflow: unknown, key?: string): Promise<{ id: string; webhookId: string }> {
  const reply = await call(server, 'POST', '/workflows', { json: workflow, ...(key && { key }) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.data;
}

export async function execute(server: Server, workflowId: string, body: unknown = {}, key?: string): Promise<Reply> {
  return call(server, 'POST', `/workflows/${workflowId}/execute`, { json: body, ...(key && { key }) });
}

/** Polls until `until` holds for the poll body (default: a finished status); fails after `timeoutMs`. */
export async function pollUntil(
  server: Server,
  executionId: string,
  options: { until?: (poll: any) => boolean; key?: string; timeoutMs?: number } = {},
): Promise<any> {
  const until = options.until ?? ((poll: any) => FINISHED.includes(poll.status));
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const reply = await call(server, 'GET', `/workflows/executions/${executionId}/poll`, { ...(options.key && { key: options.key }) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    if (until(reply.body)) return reply.body;
    if (Date.now() > deadline) throw new Error(`execution ${executionId} never got there: ${JSON.stringify(reply.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const nodeState = (poll: any, nodeId: string) => poll.nodeStates.find((n: any) => n.nodeId === nodeId);

export async function detail(server: Server, executionId: string, key?: string): Promise<any> {
  const reply = await call(server, 'GET', `/workflows/executions/${executionId}`, { ...(key && { key }) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data;
}
