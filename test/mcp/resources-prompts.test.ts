import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, type Connected } from './harness.js';
import { echoGraph } from './fixtures.js';

let mcp: Connected;
let templates: Connected;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-templates-'));
  await writeFile(join(dir, 'echo.json'), JSON.stringify({ name: 'Echo template', ...echoGraph }));
  await writeFile(join(dir, 'notes.md'), 'not a template');
  mcp = await connect();
  templates = await connect({ templatesDir: dir });
});
afterAll(async () => {
  await mcp.close();
  await templates.close();
  await rm(dir, { recursive: true, force: true });
});

const textContents = async (client: Connected, uri: string) => {
  const [content] = (await client.client.readResource({ uri })).contents;
  return JSON.parse((content as { text: string }).text) as Record<string, unknown>;
};

describe('resources', () => {
  it('serves the node catalog as one line per type, and each type in full on its own URI', async () => {
    const { nodes, detail } = (await textContents(mcp, 'pipewright://nodes')) as { nodes: Array<Record<string, unknown>>; detail: string };
    expect(detail).toBe('pipewright://nodes/{nodeType}');
    expect(nodes.find((entry) => entry.nodeType === 'generate:flux_2')).toEqual({
      nodeType: 'generate:flux_2',
      label: expect.any(String),
      category: 'model',
      description: expect.any(String),
      cost: 2,
    });
    expect(nodes.some((entry) => entry.deprecated === true)).toBe(false);
    expect(await textContents(mcp, 'pipewright://nodes/generate:flux_2')).toMatchObject({ nodeType: 'generate:flux_2', configSchema: { type: 'object' } });
    expect(await textContents(mcp, 'pipewright://nodes/generate%3Aflux_2')).toMatchObject({ nodeType: 'generate:flux_2' });
    await expect(mcp.client.readResource({ uri: 'pipewright://nodes/generate:flux_3' })).rejects.toThrow(/not_found.*did you mean/);
  });

  it('lists and reads workflows and executions', async () => {
    const { workflow } = structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { name: 'Listed', ...echoGraph }));
    const { executionId } = structured<{ executionId: string }>(await mcp.call('execute_workflow', { workflowId: workflow.id, waitSeconds: 30 }));
    const { resources } = await mcp.client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(['pipewright://nodes', `pipewright://workflows/${workflow.id}`, `pipewright://executions/${executionId}`]),
    );
    expect(await textContents(mcp, `pipewright://workflows/${workflow.id}`)).toMatchObject({ id: workflow.id, name: 'Listed' });
    expect(await textContents(mcp, `pipewright://executions/${executionId}`)).toMatchObject({ id: executionId, status: 'COMPLETED' });
  });

  it('answers unknown ids with an invalid-params error', async () => {
    await expect(mcp.client.readResource({ uri: 'pipewright://workflows/wf_nope' })).rejects.toThrow(/not_found/);
    await expect(mcp.client.readResource({ uri: 'pipewright://artifacts/art_000000000000000000000000' })).rejects.toThrow(/not_found/);
  });

  it('serves the bundled templates by name, and nothing when the folder is absent', async () => {
    const listed = (await templates.client.listResources()).resources.filter((resource) => resource.uri.startsWith('pipewright://templates/'));
    expect(listed.map((resource) => resource.uri)).toEqual(['pipewright://templates/echo']);
    expect(await textContents(templates, 'pipewright://templates/echo')).toMatchObject({ name: 'Echo template' });
    await expect(templates.client.readResource({ uri: 'pipewright://templates/..%2Fsecrets' })).rejects.toThrow(/not_found/);
    const none = (await mcp.client.listResources()).resources.filter((resource) => resource.uri.startsWith('pipewright://templates/'));
    expect(none).toEqual([]);
  });
});

describe('prompts', () => {
  it('offers the generation patterns', async () => {
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(['product_shot_to_video', 'reusable_template', 'variations_and_upscale']);
  });

  it('fills a pattern into the discover → validate → estimate → dry run → run → poll loop', async () => {
    const { messages } = await mcp.client.getPrompt({ name: 'product_shot_to_video', arguments: { product: 'a red sneaker', motion: 'turntable' } });
    const text = (messages[0]!.content as { text: string }).text;
    expect(text).toContain('a red sneaker');
    expect(text).toContain('turntable');
    const order = ['list_node_types', 'validate_workflow', 'save_workflow', 'estimate_workflow', 'dryRun: true', 'poll_execution'].map((step) =>
      text.indexOf(step),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('refuses a prompt without its required argument', async () => {
    await expect(mcp.client.getPrompt({ name: 'variations_and_upscale', arguments: {} })).rejects.toThrow(/subject/);
  });
});
