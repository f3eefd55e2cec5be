import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { validateGraph } from '../../src/graph/index.js';
import { policyFor } from '../../src/net/index.js';
import { createBuiltinRegistry } from '../../src/nodes/index.js';
import { loadTemplates } from '../../src/service/templates/index.js';
import { bundledTemplatesDir } from '../../src/skill/index.js';
import { LocalArtifactStore } from '../../src/store/artifacts/index.js';
import { templateCredits } from './template-credits.js';

const registry = createBuiltinRegistry();
const templates = await loadTemplates(bundledTemplatesDir());
let home: string;
let engine: Engine;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-templates-'));
  engine = new Engine({ registry, artifacts: new LocalArtifactStore({ dir: join(home, 'artifacts') }), policy: policyFor('cli', {}) });
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('skill/templates', () => {
  it('bundles the reusable workflows the skill promises', () => {
    expect(templates.map((t) => t.file)).toEqual(
      expect.arrayContaining([
        'product-shot.json',
        'social-ad-variants.json',
        'storyboard-to-video.json',
        'logo-brand-set.json',
        'portrait-restyle.json',
        'podcast-clip-captions.json',
        'image-upscale-batch.json',
        'text-to-speech-narration.json',
      ]),
    );
  });

  describe.each(templates)('$file', ({ workflow }) => {
    const validation = validateGraph(workflow, registry);

    it('validates against the real registry with no warnings, and is tagged template', () => {
      expect(validation.violations).toEqual([]);
      expect(validation.warnings).toEqual([]);
      expect(workflow.tags).toContain('template');
      expect(String(workflow.description).length).toBeGreaterThan(40);
    });

    it('states in its description what the estimate says it costs ("About N credits", at least N where it fans out)', () => {
      const { credits, lowerBound } = templateCredits(workflow, registry);
      const stated = Number(/(\d+) credits/.exec(String(workflow.description))?.[1]);
      if (lowerBound) expect(stated).toBeGreaterThanOrEqual(credits);
      else expect(stated).toBe(credits);
    });

    it('exposes its inputs as input nodes with labels', () => {
      const inputs = (workflow.nodes as Array<{ id: string; data: { nodeType: string; label?: string } }>).filter(
        (node) => registry.get(node.data.nodeType)?.inputKey !== undefined,
      );
      expect(inputs.length).toBeGreaterThan(0);
      for (const node of inputs) expect(node.data.label, node.id).toBeTruthy();
    });

    it('completes a dry run offline, with every named output', async () => {
      const state = await engine.execute({ graph: validation.graph!, dryRun: true }).result;
      const failed = Object.values(state.nodes)
        .filter((node) => node.status !== 'COMPLETED')
        .map((node) => [node.nodeId, node.status, node.error]);
      expect(failed).toEqual([]);
      expect(state).toMatchObject({ status: 'COMPLETED', credits: 0 });
      const names = validation.graph!.nodes.filter((node) => node.nodeType === 'output:result').map((node) => node.settings.name);
      expect(Object.keys(state.finalOutput ?? {}).sort()).toEqual([...names].sort());
    });
  });
});
