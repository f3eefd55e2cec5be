import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connected } from './harness.js';

let mcp: Connected;
beforeAll(async () => (mcp = await connect()));
afterAll(() => mcp.close());

describe('tools/list', () => {
  it('offers the tools of docs/mcp.md by name', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'cancel_execution',
      'delete_workflow',
      'describe_node_type',
      'estimate_workflow',
      'execute_workflow',
      'get_execution',
      'get_usage',
      'get_workflow',
      'list_node_types',
      'list_workflows',
      'poll_execution',
      'retry_execution',
      'save_workflow',
      'validate_workflow',
    ]);
  });

  it('gives every tool a title, a description, an output schema and all four annotations', async () => {
    const { tools } = await mcp.client.listTools();
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(Object.keys(tool.annotations ?? {}).sort(), tool.name).toEqual(expect.arrayContaining(['idempotentHint', 'openWorldHint', 'readOnlyHint']));
      if (tool.annotations?.readOnlyHint === false) expect(tool.annotations.destructiveHint, tool.name).toBeTypeOf('boolean');
    }
  });

  it('describes every input and output field', async () => {
    const { tools } = await mcp.client.listTools();
    for (const tool of tools) {
      for (const schema of [tool.inputSchema, tool.outputSchema]) {
        for (const [field, property] of Object.entries(schema?.properties ?? {})) {
          expect((property as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
        }
      }
    }
  });

  it('says only open-world what reaches providers', async () => {
    const { tools } = await mcp.client.listTools();
    const openWorld = tools
      .filter((tool) => tool.annotations?.openWorldHint)
      .map((tool) => tool.name)
      .sort();
    expect(openWorld).toEqual(['cancel_execution', 'execute_workflow', 'retry_execution']);
    const destructive = tools
      .filter((tool) => tool.annotations?.destructiveHint)
      .map((tool) => tool.name)
      .sort();
    expect(destructive).toEqual(['cancel_execution', 'delete_workflow']);
  });

  // A change to a name, a schema or an annotation changes what every client sees: update the
  // file on purpose (`vitest -u`); CI never writes snapshots, so it fails instead.
  it('matches the recorded tools/list', async () => {
    const { tools } = await mcp.client.listTools();
    const recorded = tools.map(({ name, title, inputSchema, outputSchema, annotations, _meta }) => ({
      name,
      title,
      inputSchema,
      outputSchema,
      annotations,
      _meta,
    }));
    await expect(`${JSON.stringify(recorded, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/tools-list.json');
  });
});
