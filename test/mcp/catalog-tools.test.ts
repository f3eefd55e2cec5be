import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, textOf, type Connected } from './harness.js';

let mcp: Connected;
beforeAll(async () => (mcp = await connect()));
afterAll(() => mcp.close());

describe('list_node_types', () => {
  it('lists the catalog with ports and costs, leaving aliases out', async () => {
    const { nodeTypes } = structured<{ nodeTypes: Array<{ nodeType: string; inputs: string[]; outputs: string[]; cost: number }> }>(
      await mcp.call('list_node_types'),
    );
    const flux = nodeTypes.find((type) => type.nodeType === 'generate:flux_2');
    expect(flux).toMatchObject({ inputs: ['prompt:text*'], outputs: expect.arrayContaining(['image:image']), cost: 2 });
    expect(nodeTypes.map((type) => type.nodeType)).toContain('input:text');
  });

  it('lists aliases only when asked, marked deprecated with the type they stand for', async () => {
    type Listed = { nodeTypes: Array<{ nodeType: string; deprecated?: boolean; aliasOf?: string; deprecationNote?: string }> };
    const plain = structured<Listed>(await mcp.call('list_node_types', { query: 'flux' }));
    expect(plain.nodeTypes.map((type) => type.nodeType)).not.toContain('generate:flux-2');
    expect(plain.nodeTypes.every((type) => type.deprecated === undefined)).toBe(true);
    const all = structured<Listed>(await mcp.call('list_node_types', { query: 'flux', includeAliases: true }));
    expect(all.nodeTypes.find((type) => type.nodeType === 'generate:flux-2')).toMatchObject({
      deprecated: true,
      aliasOf: 'generate:flux_2',
      deprecationNote: expect.any(String),
    });
    expect(all.nodeTypes.find((type) => type.nodeType === 'generate:flux_2')).not.toHaveProperty('deprecated');
  });

  it('filters by category and by text', async () => {
    const byCategory = structured<{ nodeTypes: Array<{ category: string }> }>(await mcp.call('list_node_types', { category: 'input' }));
    expect(byCategory.nodeTypes.length).toBeGreaterThan(0);
    expect(byCategory.nodeTypes.every((type) => type.category === 'input')).toBe(true);
    const byText = structured<{ nodeTypes: Array<{ nodeType: string }> }>(await mcp.call('list_node_types', { query: 'UPSCALE' }));
    expect(byText.nodeTypes.map((type) => type.nodeType)).toContain('generate:clarity_upscaler');
  });

  it('refuses arguments of the wrong type', async () => {
    const result = await mcp.call('list_node_types', { category: 7 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/category/);
  });
});

describe('describe_node_type', () => {
  it('gives ports, config schema, cost and timeout', async () => {
    const entry = structured(await mcp.call('describe_node_type', { nodeType: 'utility:text_split' }));
    expect(entry).toMatchObject({ nodeType: 'utility:text_split', category: 'utility', configSchema: { type: 'object' } });
    expect(entry.inputs).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'text', isPort: true, required: true })]));
    expect(entry.timeoutMs).toBeTypeOf('number');
  });

  it('answers an unknown type with the closest one', async () => {
    const result = await mcp.call('describe_node_type', { nodeType: 'utility:text_splt' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^error not_found: .*did you mean utility:text_split\?/);
  });

  it('requires nodeType', async () => {
    const result = await mcp.call('describe_node_type', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/nodeType/);
  });
});
