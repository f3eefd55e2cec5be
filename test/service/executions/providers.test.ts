import { describe, expect, it } from 'vitest';
import { createProviders, providerSettingsFromEnv } from '../../../src/providers/index.js';
import { edge, failure, node, useExecHarness } from './harness.js';

const noKeys = createProviders(providerSettingsFromEnv({}));
const h = useExecHarness({}, { providers: noKeys });

const imageGraph = () => ({
  nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('image', 'generate:flux_2'), node('out', 'output:result')],
  edges: [edge('prompt', 'prompt', 'image', 'prompt'), edge('image', 'image', 'out', 'value')],
});

describe('model nodes without their provider', () => {
  it('refuses a real run before anything is recorded or charged, naming the variable to set', async () => {
    const { services, admin, store, workflow } = h();
    const id = await workflow(imageGraph());
    const error = await failure(services.executions.execute(admin, id, {}));
    expect(error.code).toBe('provider_not_configured');
    expect(error.message).toContain('FAL_KEY');
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toEqual([]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(1000);
  });

  it('still dry-runs without any key', async () => {
    const { services, admin, workflow, finished } = h();
    const id = await workflow(imageGraph());
    const { executionId } = await services.executions.execute(admin, id, { dryRun: true });
    expect(await finished(executionId)).toBe('COMPLETED');
  });

  it('warns at lint and on save, without refusing the graph', async () => {
    const { services, admin } = h();
    const lint = services.workflows.lint(imageGraph());
    expect(lint.ok).toBe(true);
    expect(lint.warnings).toContainEqual(
      expect.objectContaining({ rule: 'provider-not-configured', nodeId: 'image', message: expect.stringContaining('FAL_KEY') }),
    );
    const saved = await services.workflows.create(admin, { name: 'Needs fal', ...imageGraph() });
    expect(saved.meta.warnings.map((w) => w.rule)).toContain('provider-not-configured');
  });
});
