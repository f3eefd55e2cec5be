import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, type Connected } from './harness.js';
import { echoGraph } from './fixtures.js';

let mcp: Connected;
beforeAll(async () => (mcp = await connect()));
afterAll(() => mcp.close());

const completeResource = (uri: string, name: string, value: string) => mcp.client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } });

describe('completion/complete', () => {
  it('is offered as a capability', () => {
    expect(mcp.client.getServerCapabilities()?.completions).toEqual({});
  });

  it('completes node types by prefix, current ones only, capped at 100 with total and hasMore', async () => {
    const { completion } = await completeResource('pipewright://nodes/{nodeType}', 'nodeType', 'utility:image_');
    expect(completion.values).toEqual(expect.arrayContaining(['utility:image_grid', 'utility:image_resize']));
    expect(completion.values.every((value) => value.startsWith('utility:image_'))).toBe(true);
    expect(completion).toMatchObject({ total: completion.values.length, hasMore: false });

    const all = (await completeResource('pipewright://nodes/{nodeType}', 'nodeType', '')).completion;
    expect(all.values).toHaveLength(100);
    expect(all.total).toBeGreaterThan(100);
    expect(all.hasMore).toBe(true);
    expect(all.values).not.toContain('generate:flux-2');
  });

  it('completes workflow and execution ids by prefix', async () => {
    const { workflow } = structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { name: 'Completed', ...echoGraph }));
    const { executionId } = structured<{ executionId: string }>(await mcp.call('execute_workflow', { workflowId: workflow.id, waitSeconds: 30 }));

    const workflows = (await completeResource('pipewright://workflows/{id}', 'id', workflow.id.slice(0, 6))).completion;
    expect(workflows.values).toContain(workflow.id);
    expect(workflows.values.every((id) => id.startsWith(workflow.id.slice(0, 6)))).toBe(true);
    expect((await completeResource('pipewright://workflows/{id}', 'id', workflow.id)).completion.values).toEqual([workflow.id]);
    expect((await completeResource('pipewright://workflows/{id}', 'id', 'nope')).completion).toMatchObject({ values: [], total: 0, hasMore: false });

    const executions = (await completeResource('pipewright://executions/{id}', 'id', executionId.slice(0, 8))).completion;
    expect(executions.values).toContain(executionId);
  });

  it('completes prompt arguments', async () => {
    const count = await mcp.client.complete({ ref: { type: 'ref/prompt', name: 'variations_and_upscale' }, argument: { name: 'count', value: '1' } });
    expect(count.completion.values).toEqual(['12', '16']);
    const motion = await mcp.client.complete({ ref: { type: 'ref/prompt', name: 'product_shot_to_video' }, argument: { name: 'motion', value: 'SLOW' } });
    expect(motion.completion.values).toEqual(['slow 360° turntable', 'slow dolly in']);
    const free = await mcp.client.complete({ ref: { type: 'ref/prompt', name: 'product_shot_to_video' }, argument: { name: 'product', value: 'a' } });
    expect(free.completion.values).toEqual([]);
  });

  it('refuses a template or prompt it does not have', async () => {
    await expect(completeResource('pipewright://nothing/{id}', 'id', '')).rejects.toThrow(/not found/);
    await expect(mcp.client.complete({ ref: { type: 'ref/prompt', name: 'nope' }, argument: { name: 'x', value: '' } })).rejects.toThrow(/not found/);
  });
});
