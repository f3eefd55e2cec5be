import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, textOf, type Connected } from './harness.js';

let mcp: Connected;
beforeAll(async () => (mcp = await connect()));
afterAll(() => mcp.close());

describe('list_node_types', () => {
  type Listed = { nodeTypes: Array<{ nodeType: string; inputs?: string[]; outputs?: string[]; cost: number }>; total: number; nextCursor: string | null };

  it('lists compact summaries by default, a page at a time, leaving aliases out', async () => {
    const first = structured<Listed>(await mcp.call('list_node_types'));
    expect(first.nodeTypes).toHaveLength(50);
    expect(first.total).toBeGreaterThan(100);
    expect(first.nodeTypes[0]).not.toHaveProperty('inputs');
    expect(first.nodeTypes[0]).not.toHaveProperty('configSchema');
    const seen = [...first.nodeTypes];
    for (let cursor = first.nextCursor; cursor !== null; ) {
      const page = structured<Listed>(await mcp.call('list_node_types', { cursor, limit: 100 }));
      seen.push(...page.nodeTypes);
      cursor = page.nextCursor;
    }
    expect(seen.map((type) => type.nodeType)).toEqual([...new Set(seen.map((type) => type.nodeType))]);
    expect(seen).toHaveLength(first.total);
    expect(seen.map((type) => type.nodeType)).toEqual(expect.arrayContaining(['input:text', 'generate:flux_2']));
  });

  it('gives ports when asked', async () => {
    const { nodeTypes } = structured<Listed>(await mcp.call('list_node_types', { query: 'flux', includePorts: true, limit: 100 }));
    const flux = nodeTypes.find((type) => type.nodeType === 'generate:flux_2');
    expect(flux).toMatchObject({ inputs: ['prompt:text*'], outputs: expect.arrayContaining(['image:image']), cost: 2 });
  });

  it('refuses a cursor it did not give', async () => {
    const result = await mcp.call('list_node_types', { cursor: 'generate:nope' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^error invalid_field: cursor/);
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
