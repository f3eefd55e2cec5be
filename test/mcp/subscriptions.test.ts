import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, type Connected } from './harness.js';
import { echoGraph } from './fixtures.js';

let mcp: Connected;
const updated: string[] = [];
beforeAll(async () => {
  mcp = await connect();
  mcp.client.setNotificationHandler(ResourceUpdatedNotificationSchema, async ({ params }) => void updated.push(params.uri));
});
afterAll(() => mcp.close());

const save = async (args: Record<string, unknown>) =>
  structured<{ workflow: { id: string; updatedAt: string } }>(await mcp.call('save_workflow', args)).workflow;

describe('resources/subscribe', () => {
  it('is offered as a capability', () => {
    expect(mcp.client.getServerCapabilities()?.resources).toMatchObject({ subscribe: true });
  });

  it('tells each save of a subscribed workflow, and a last time when it is deleted', async () => {
    const workflow = await save({ name: 'Watched', ...echoGraph });
    const uri = `pipewright://workflows/${workflow.id}`;
    await mcp.client.subscribeResource({ uri });
    const saved = await save({ workflowId: workflow.id, name: 'Watched, renamed', ...echoGraph });
    await expect.poll(() => updated.filter((one) => one === uri), { timeout: 20_000 }).toHaveLength(1);
    expect(JSON.parse(((await mcp.client.readResource({ uri })).contents[0] as { text: string }).text)).toMatchObject({ updatedAt: saved.updatedAt });
    await mcp.call('delete_workflow', { workflowId: workflow.id });
    await expect.poll(() => updated.filter((one) => one === uri), { timeout: 20_000 }).toHaveLength(2);
    await expect(mcp.client.readResource({ uri })).rejects.toThrow(/not_found/);
  }, 60_000);

  it('refuses what does not change and what does not exist; unsubscribing from anything succeeds', async () => {
    await expect(mcp.client.subscribeResource({ uri: 'pipewright://nodes' })).rejects.toThrow(/invalid_field: pipewright:\/\/nodes does not change/);
    await expect(mcp.client.subscribeResource({ uri: 'pipewright://executions/exec_nope' })).rejects.toThrow(/not_found/);
    await expect(mcp.client.subscribeResource({ uri: 'pipewright://workflows/wf_nope' })).rejects.toThrow(/not_found/);
    await expect(mcp.client.unsubscribeResource({ uri: 'pipewright://workflows/wf_nope' })).resolves.toEqual({});
  });
});
