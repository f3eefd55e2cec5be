import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoGraph } from './fixtures.js';
import { connect, structured, textOf, type Connected } from './harness.js';

// Tool arguments are parsed by the SDK with the schemas REST parses bodies with
// (src/service/wire/), so a call REST would refuse is refused here too, before anything is saved.

let mcp: Connected;
beforeAll(async () => (mcp = await connect()));
afterAll(() => mcp.close());

const scratchCount = async () => (await mcp.backend.listWorkflows({ tag: 'scratch' })).data.length;

describe('tool arguments follow the wire', () => {
  it('refuses a workflow name REST refuses, saving nothing', async () => {
    const before = (await mcp.backend.listWorkflows({})).data.length;
    const result = await mcp.call('save_workflow', { ...echoGraph, name: 'x'.repeat(201) });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/name/);
    expect((await mcp.backend.listWorkflows({})).data).toHaveLength(before);
  });

  it('checks the execute body’s rules across fields: edges without nodes start nothing', async () => {
    const { workflow } = await mcp.backend.saveWorkflow({ workflow: { name: 'Wired', ...echoGraph } });
    const result = await mcp.call('execute_workflow', { workflowId: workflow.id, edges: [], dryRun: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/edges were sent without nodes/);
    expect((await mcp.backend.listExecutions({ workflowId: workflow.id })).data).toEqual([]);
  });

  it('refuses an empty scratch name before saving the graph', async () => {
    const before = await scratchCount();
    const result = await mcp.call('execute_workflow', { ...echoGraph, name: '', dryRun: true });
    expect(result.isError).toBe(true);
    expect(await scratchCount()).toBe(before);
  });

  it('clears a description with null, as PUT does', async () => {
    const saved = structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { ...echoGraph, name: 'Described', description: 'soon gone' }));
    const cleared = await mcp.call('save_workflow', { workflowId: saved.workflow.id, ...echoGraph, description: null });
    expect(structured(cleared)).toMatchObject({ created: false });
    expect(await mcp.backend.getWorkflow(saved.workflow.id)).not.toHaveProperty('description');
  });
});
