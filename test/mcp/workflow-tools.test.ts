import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, textOf, type Connected } from './harness.js';
import { echoGraph, edge, node } from './fixtures.js';

interface Saved {
  created: boolean;
  workflow: { id: string; name: string; version: number; updatedAt: string; nodeCount: number; tags: string[] };
  warnings: unknown[];
}

let mcp: Connected;
beforeAll(async () => (mcp = await connect()));
afterAll(() => mcp.close());

const badGraph = {
  nodes: [node('prompt', 'input:text', { prompt: 'x' }), node('result', 'output:result')],
  edges: [edge('prompt', 'prompt', 'result', 'valu')],
};

describe('validate_workflow', () => {
  it('says ok for a sound graph', async () => {
    expect(structured(await mcp.call('validate_workflow', echoGraph))).toMatchObject({ ok: true, violations: [] });
  });

  it('lists every violation with its fix, as data and in the text', async () => {
    const result = await mcp.call('validate_workflow', badGraph);
    const { ok, violations } = structured<{ ok: boolean; violations: Array<{ rule: string; fix?: string }> }>(result);
    expect(ok).toBe(false);
    expect(violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'bad-target-handle', fix: expect.stringContaining('in-value') })]));
    expect(textOf(result)).toMatch(/fix: .*in-value/);
  });

  it('refuses nodes that are not a list', async () => {
    const result = await mcp.call('validate_workflow', { nodes: 'prompt → result' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/nodes/);
  });
});

describe('save_workflow, get_workflow, list_workflows, delete_workflow', () => {
  it('creates, reads, lists, updates and deletes', async () => {
    const created = structured<Saved>(await mcp.call('save_workflow', { name: 'Echo', tags: ['test'], ...echoGraph }));
    expect(created).toMatchObject({ created: true, workflow: { name: 'Echo', version: 1, nodeCount: 2, tags: ['test'] } });
    const id = created.workflow.id;

    const { workflow } = structured<{ workflow: { id: string; nodes: unknown[] } }>(await mcp.call('get_workflow', { workflowId: id }));
    expect(workflow.nodes).toHaveLength(2);

    const listed = structured<{ workflows: Array<{ id: string }> }>(await mcp.call('list_workflows', { tag: 'test' }));
    expect(listed.workflows.map((w) => w.id)).toEqual([id]);

    const updated = structured<Saved>(
      await mcp.call('save_workflow', { workflowId: id, name: 'Echo 2', baseUpdatedAt: created.workflow.updatedAt, ...echoGraph }),
    );
    expect(updated).toMatchObject({ created: false, workflow: { id, name: 'Echo 2', version: 2 } });

    expect(structured(await mcp.call('delete_workflow', { workflowId: id }))).toEqual({ workflowId: id, deleted: true });
    const gone = await mcp.call('get_workflow', { workflowId: id });
    expect(gone.isError).toBe(true);
    expect(textOf(gone)).toMatch(/^error not_found/);
  });

  it('saves nothing from an invalid graph and says how to fix it', async () => {
    const result = await mcp.call('save_workflow', { name: 'Broken', ...badGraph });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/^error invalid_graph/);
    expect(text).toMatch(/\[bad-target-handle\] edge prompt-result: .* Fix: .*in-value/);
    expect(text).toMatch(/validate_workflow/);
    expect(structured<{ workflows: Array<{ name: string }> }>(await mcp.call('list_workflows', { query: 'Broken' })).workflows).toEqual([]);
  });

  it('refuses a stale update and says how to redo it', async () => {
    const { workflow } = structured<Saved>(await mcp.call('save_workflow', { name: 'Guarded', ...echoGraph }));
    await mcp.call('save_workflow', { workflowId: workflow.id, ...echoGraph });
    const stale = await mcp.call('save_workflow', { workflowId: workflow.id, baseUpdatedAt: '2000-01-01T00:00:00.000Z', ...echoGraph });
    expect(stale.isError).toBe(true);
    expect(textOf(stale)).toMatch(/^error stale_write[\s\S]*get_workflow[\s\S]*baseUpdatedAt/);
  });

  it('answers unknown ids with not_found and a hint', async () => {
    for (const [tool, args] of [
      ['get_workflow', { workflowId: 'wf_nope' }],
      ['save_workflow', { workflowId: 'wf_nope', ...echoGraph }],
    ] as const) {
      const result = await mcp.call(tool, args);
      expect(result.isError, tool).toBe(true);
      expect(textOf(result), tool).toMatch(/^error not_found[\s\S]*list_workflows/);
    }
  });

  it('deletes idempotently: a second delete of the same id succeeds with deleted: false', async () => {
    const { workflow } = structured<Saved>(await mcp.call('save_workflow', { name: 'Twice', ...echoGraph }));
    expect(structured(await mcp.call('delete_workflow', { workflowId: workflow.id }))).toEqual({ workflowId: workflow.id, deleted: true });
    const again = await mcp.call('delete_workflow', { workflowId: workflow.id });
    expect(structured(again)).toEqual({ workflowId: workflow.id, deleted: false });
    expect(textOf(again)).toMatch(/already deleted, or never saved/);
  });

  it('refuses a page size out of range', async () => {
    const result = await mcp.call('list_workflows', { limit: 1000 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/limit/);
  });
});
