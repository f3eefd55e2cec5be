import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateGraph } from '../../../src/graph/index.js';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import { MODEL_CATALOG, MODEL_KINDS, modelEntryOf } from '../../../src/nodes/model/index.js';
import { CATALOG_CASES } from './catalog-table.js';

const registry = createBuiltinRegistry();
const SAMPLE: Record<string, unknown> = { image: 'https://example.com/in.png', audio: 'https://example.com/in.mp3', video: 'https://example.com/in.mp4' };

describe('the model catalog', () => {
  it('has at least 30 entries covering every kind and the models users ask for by name', () => {
    expect(MODEL_CATALOG.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MODEL_CATALOG.map((e) => e.kind))).toEqual(new Set(MODEL_KINDS));
    const types = MODEL_CATALOG.map((e) => e.nodeType);
    for (const wanted of ['generate:flux_2', 'generate:recraft_v4', 'generate:imagen_4', 'generate:nano_banana', 'generate:kling_video_2_5']) {
      expect(types).toContain(wanted);
    }
    expect(new Set(MODEL_CATALOG.map((e) => e.provider))).toEqual(new Set(['fal', 'replicate', 'openai', 'anthropic']));
  });

  it('names every entry generate:* or llm:*, with no name or alias used twice', () => {
    const names = MODEL_CATALOG.flatMap((e) => [e.nodeType, ...(e.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of MODEL_CATALOG) expect(entry.nodeType).toMatch(entry.kind === 'llm' ? /^llm:[a-z0-9_]+$/ : /^generate:[a-z0-9_]+$/);
  });

  it('has a test row for every entry', () => {
    expect(Object.keys(CATALOG_CASES).sort()).toEqual(MODEL_CATALOG.map((e) => e.nodeType).sort());
  });

  describe.each(MODEL_CATALOG.map((entry) => [entry.nodeType, entry] as const))('%s', (nodeType, entry) => {
    const cases = CATALOG_CASES[nodeType]!;

    it('describes every parameter in a strict object schema that accepts its documented defaults', () => {
      expect(entry.params).toBeInstanceOf(z.ZodObject);
      const defaults = entry.params.parse({});
      expect(entry.params.parse(defaults)).toEqual(defaults);
      expect(entry.params.safeParse({ notAParameter: 1 }).success).toBe(false);
      const schema = z.toJSONSchema(entry.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { description?: string }> };
      for (const [key, field] of Object.entries(schema.properties ?? {})) expect(field.description, key).toBeTruthy();
    });

    it.each(cases.outOfRange.map((config) => [JSON.stringify(config), config] as const))('rejects %s', (_, config) => {
      expect(entry.params.safeParse(config).success).toBe(false);
    });

    it('costs a whole, non-negative number of credits that grows with quantity', () => {
      const base = entry.cost(entry.params.parse(cases.less ?? {}));
      expect(Number.isInteger(base) && base >= 0).toBe(true);
      if (cases.more) expect(entry.cost(entry.params.parse(cases.more))).toBeGreaterThan(base);
    });

    it('says where its price was read and on which day, unless the model is a setting', () => {
      if (entry.price === 'per-model') {
        expect(entry.endpointFor).toBeTypeOf('function');
        return;
      }
      expect(new URL(entry.price.source).protocol).toBe('https:');
      expect(entry.price.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${entry.price.checked}T00:00:00Z`).toISOString().slice(0, 10)).toBe(entry.price.checked);
    });

    it('keeps a source page and maps its ports into a request body', () => {
      expect(entry.source).toMatch(/^https:\/\//);
      const inputs = { ...SAMPLE, prompt: 'a prompt', text: 'some words' };
      const body = entry.toInput(inputs, entry.params.parse({}));
      expect(JSON.stringify(body)).toMatch(/a prompt|some words|in\.png|in\.mp3|in\.mp4/);
    });

    it('validates in a graph with every input wired or configured and every output used', () => {
      const nodes: object[] = [{ id: 'm', data: { nodeType, config: {} } }];
      const edges: object[] = [];
      for (const port of entry.inputs) {
        if (port.type === 'text') {
          nodes.push({ id: `in_${port.name}`, data: { nodeType: 'input:text', config: { prompt: 'words' } } });
          edges.push({ id: `e_${port.name}`, source: `in_${port.name}`, target: 'm', sourceHandle: 'out-prompt', targetHandle: `in-${port.name}` });
        } else (nodes[0] as { data: { config: Record<string, unknown> } }).data.config[port.name] = SAMPLE[port.name];
      }
      for (const port of registry.get(nodeType)!.outputs) {
        nodes.push({ id: `out_${port.name}`, data: { nodeType: 'output:result', config: { name: port.name } } });
        edges.push({ id: `o_${port.name}`, source: 'm', target: `out_${port.name}`, sourceHandle: `out-${port.name}`, targetHandle: 'in-value' });
      }
      const result = validateGraph({ nodes, edges }, registry);
      expect(result.violations).toEqual([]);
      expect(result.warnings).toEqual([]);
    });

    it('registers its aliases as the same model, marked with the canonical name', () => {
      const type = registry.get(nodeType)!;
      expect(type.category).toBe('model');
      for (const alias of entry.aliases ?? []) {
        const aliased = registry.get(alias)!;
        expect(modelEntryOf(aliased)).toBe(entry);
        expect(aliased.deprecated?.replacedBy).toBe(nodeType);
      }
    });
  });
});
