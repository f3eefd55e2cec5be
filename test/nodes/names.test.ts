import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/graph/index.js';
import { createBuiltinRegistry, describeNodeTypes } from '../../src/nodes/index.js';
import { MODEL_CATALOG } from '../../src/nodes/model/index.js';

// One naming style for current node types, `family:snake_case` (docs/models.md#aliases); an old
// name may be spelled any way, but it is an alias of a current type and says which.
const CURRENT_NAME = /^[a-z]+:[a-z0-9]+(_[a-z0-9]+)*$/;

const registry = createBuiltinRegistry();
const types = registry.list();
const current = types.filter((type) => type.deprecated === undefined);
const aliases = types.filter((type) => type.deprecated !== undefined);

describe('node type names', () => {
  it.each(current.map((type) => [type.nodeType]))('%s is spelled family:snake_case', (nodeType) => {
    expect(nodeType).toMatch(CURRENT_NAME);
  });

  it.each(aliases.map((type) => [type.nodeType, type.deprecated?.replacedBy]))('%s is an alias of a current type (%s)', (_, replacedBy) => {
    expect(replacedBy).toBeDefined();
    expect(registry.get(replacedBy!)?.deprecated).toBeUndefined();
  });

  it('gives retired-model notes only to names that are aliases of that entry', () => {
    for (const entry of MODEL_CATALOG) {
      expect(entry.aliases ?? [], entry.nodeType).toEqual(expect.arrayContaining(Object.keys(entry.aliasNotes ?? {})));
    }
  });

  it('lists an alias in the catalog as deprecated with aliasOf and a note, and a current type with neither', () => {
    const listed = new Map(describeNodeTypes(types).map((entry) => [entry.nodeType, entry]));
    for (const alias of aliases) {
      expect(listed.get(alias.nodeType)).toMatchObject({ deprecated: true, aliasOf: alias.deprecated?.replacedBy, deprecationNote: expect.any(String) });
    }
    for (const type of current) expect(listed.get(type.nodeType)).not.toHaveProperty('deprecated');
  });

  it('warns deprecated-node-type on an alias, naming the current type', () => {
    const nodes = [
      { id: 'idea', data: { nodeType: 'input:text', config: { prompt: 'a teapot' } } },
      { id: 'pic', data: { nodeType: 'generate:flux-2', config: {} } },
      { id: 'out', data: { nodeType: 'output:result', config: {} } },
    ];
    const edges = [
      { id: 'e1', source: 'idea', target: 'pic', sourceHandle: 'out-prompt', targetHandle: 'in-prompt' },
      { id: 'e2', source: 'pic', target: 'out', sourceHandle: 'out-image', targetHandle: 'in-value' },
    ];
    const { violations, warnings } = validateGraph({ nodes, edges }, registry);
    expect(violations).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({
        rule: 'deprecated-node-type',
        nodeId: 'pic',
        message: expect.stringContaining('replaced by `generate:flux_2`'),
        fix: 'use `generate:flux_2` instead',
      }),
    ]);
  });
});
