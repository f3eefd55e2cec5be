import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { validateGraph } from '../../src/graph/index.js';
import { policyFor } from '../../src/net/index.js';
import { createBuiltinRegistry } from '../../src/nodes/index.js';
import { LocalArtifactStore } from '../../src/store/artifacts/index.js';
import { jsonBlocks, skillDocs } from './skill-docs.js';

// Every complete graph the skill shows is one a reader may copy: it must validate and run.
const registry = createBuiltinRegistry();
const graphs = (await skillDocs()).flatMap(({ path, text }) =>
  jsonBlocks(text)
    .map((block) => JSON.parse(block) as { nodes?: unknown[] })
    .filter((json) => Array.isArray(json.nodes))
    .map((graph, index) => ({ name: `${path} graph ${index + 1}`, graph })),
);
let home: string;
let engine: Engine;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-skill-examples-'));
  engine = new Engine({ registry, artifacts: new LocalArtifactStore({ dir: join(home, 'artifacts') }), policy: policyFor('cli', {}) });
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('graphs shown in the skill', () => {
  it('there are some', () => expect(graphs.length).toBeGreaterThanOrEqual(3));

  it.each(graphs)('$name validates and completes a dry run', async ({ graph }) => {
    const validation = validateGraph(graph, registry);
    expect(validation.violations).toEqual([]);
    expect(validation.warnings).toEqual([]);
    const state = await engine.execute({ graph: validation.graph!, dryRun: true }).result;
    expect(state.status).toBe('COMPLETED');
  });
});
