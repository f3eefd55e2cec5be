import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { effectivePorts, type NodeSpec } from '../../src/graph/index.js';
import { check, edge, node, reported, SPECS } from './fixtures.js';

const template = (text: string, config: Record<string, unknown> = {}) =>
  node({ id: 'tpl', nodeType: 'utility:template', config: { template: text, ...config } });

describe('ports from portsFor', () => {
  test('a template placeholder is an input that can be wired', () => {
    const graph = {
      nodes: [node({ id: 'subject', nodeType: 'input:text' }), template('a photo of {{subject}}'), node({ id: 'out', nodeType: 'output:text' })],
      edges: [edge('subject', 'text', 'tpl', 'subject', 'e1'), edge('tpl', 'text', 'out', 'text', 'e2')],
    };
    const result = check(graph);
    expect(result.violations).toEqual([]);
    expect(result.graph?.byId.get('tpl')?.inputs).toEqual([{ name: 'subject', type: 'text', required: true }]);
  });

  test('an unwired placeholder is a missing required input, unless configured', () => {
    expect(reported({ nodes: [template('{{subject}} in {{style}}', { subject: 'a cat' })] }, 'missing-required-input')).toEqual([
      expect.objectContaining({ nodeId: 'tpl', message: expect.stringContaining('`style`') }),
    ]);
    const result = check({ nodes: [template('{{subject}} in {{style}}', { subject: 'a cat', style: 'ink' })] });
    expect(result.ok).toBe(true);
    expect(result.graph?.byId.get('tpl')).toMatchObject({
      settings: { template: '{{subject}} in {{style}}' },
      portValues: { subject: 'a cat', style: 'ink' },
    });
  });

  test('a handle to a placeholder that is not there gets a suggestion', () => {
    const graph = {
      nodes: [node({ id: 'subject', nodeType: 'input:text' }), template('a photo of {{subject}}')],
      edges: [edge('subject', 'text', 'tpl', 'subjet', 'e1')],
    };
    expect(reported(graph, 'bad-target-handle')[0]?.fix).toBe('did you mean `in-subject`?');
  });

  test('a portsFor that throws on an odd config falls back to the static ports', () => {
    const fragile: NodeSpec = {
      ...SPECS[0]!,
      inputs: [],
      portsFor: () => {
        throw new Error('boom');
      },
      config: z.object({}),
    };
    expect(effectivePorts(fragile, { anything: 1 })).toEqual({ inputs: [], outputs: fragile.outputs });
  });
});
