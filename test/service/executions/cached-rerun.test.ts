import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import type { ExecutionDetail } from '../../../src/service/index.js';
import { useExecHarness } from './harness.js';

const h = useExecHarness();
const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.json'));
const registry = createBuiltinRegistry();

interface Example {
  nodes: Array<{ data: { nodeType: string } }>;
  edges: unknown[];
}

/** Model nodes need provider keys the tests do not have: those examples run dry, the rest for real. */
const needsProviders = (graph: Example) => graph.nodes.some((node) => registry.get(node.data.nodeType)?.category === 'model');

/** What a caller and downstream nodes see of a run. */
const seen = (detail: ExecutionDetail) => ({
  status: detail.status,
  finalOutput: detail.finalOutput,
  nodes: detail.nodes.map((node) => ({
    nodeId: node.nodeId,
    status: node.status,
    output: node.output,
    items: (node.iterations as Array<{ index: number; status: string }> | undefined)?.map((item) => [item.index, item.status]),
  })),
});

/** Files named in outputs, in any form a stored output or a view gives them (a URL, a reference). */
const artifactIds = (value: unknown): string[] => [...JSON.stringify(value).matchAll(/artifacts\/(art_[0-9a-f]{24})/g)].map((match) => match[1]!);

describe('every example, executed twice', () => {
  it.each(examples)(
    '%s: the second run is served from cache and yields the same outputs and files',
    async (name) => {
      const { services, admin, workflow, finished } = h();
      const graph = JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8')) as Example;
      const id = await workflow(graph);
      const dryRun = needsProviders(graph);
      const run = async () => {
        const { executionId } = await services.executions.execute(admin, id, { dryRun });
        await finished(executionId, 30_000);
        return services.executions.detail(admin, executionId);
      };
      const first = await run();
      expect(first.status, JSON.stringify(first.error)).toBe('COMPLETED');
      const second = await run();
      expect(seen(second)).toEqual(seen(first));
      for (const node of second.nodes.filter((n) => n.status === 'COMPLETED')) expect(node).toMatchObject({ cached: true, credits: 0, attempts: 0 });
      expect(second.nodes.filter((n) => n.status === 'COMPLETED').length).toBeGreaterThan(0);
      for (const artifactId of artifactIds(second.nodes.map((node) => node.output))) {
        expect((await services.executions.artifact(admin, artifactId)).bytes.length).toBeGreaterThan(0);
      }
    },
    60_000,
  );
});

describe("the output cache is the store's", () => {
  it('serves in another process on the same store what this one ran', async () => {
    const { services, admin, workflow, finished, sibling } = h();
    const id = await workflow(JSON.parse(readFileSync(new URL('image-pipeline.json', examplesDir), 'utf8')) as Example);
    const run = async (on: typeof services) => {
      const { executionId } = await on.executions.execute(admin, id, {});
      await finished(executionId, 30_000);
      return on.executions.detail(admin, executionId);
    };
    const other = (await sibling()).services;
    const first = await run(services);
    const second = await run(other);
    expect(second.nodes.map((node) => [node.nodeId, node.cached])).toEqual(first.nodes.map((node) => [node.nodeId, true]));
    expect(seen(second)).toEqual(seen(first));
    const files = artifactIds(second.finalOutput);
    expect(files).toHaveLength(5);
    for (const artifactId of files) expect((await other.executions.artifact(admin, artifactId)).bytes.length).toBeGreaterThan(0);
  }, 60_000);
});
