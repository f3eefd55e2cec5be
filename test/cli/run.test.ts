import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restLinks } from '../../src/api/index.js';
import { createEmbeddedBackend } from '../../src/backend/index.js';
import { runBuilt } from '../support/built-cli.js';

const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-cli-'));
  env = { PIPEWRIGHT_HOME: home };
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('pipewright run', () => {
  it('runs the branching example and takes --input', async () => {
    const big = await runBuilt(['run', example('branching.json')], env);
    expect(big.code).toBe(0);
    expect(big.stdout).toContain('message: Bulk order: 12 ceramic mugs');
    expect(big.stderr).toMatch(/- standard .*skipped \(branch not taken\)/);
    const small = await runBuilt(['run', example('branching.json'), '--input', 'quantity=3'], env);
    expect(small.code).toBe(0);
    expect(small.stdout).toContain('message: Standard order: 3 ceramic mugs');
  });

  it('runs the fan-out example, one prompt per subject, joined in order', async () => {
    const result = await runBuilt(['run', example('fan-out.json'), '--json'], env);
    expect(result.code).toBe(0);
    const state = JSON.parse(result.stdout);
    expect(state.status).toBe('COMPLETED');
    expect(state.nodes.prompt.iterations).toHaveLength(3);
    expect(state.finalOutput.prompts).toEqual([
      'studio product photo of a red sneaker, soft shadows, 4k',
      'studio product photo of a leather backpack, soft shadows, 4k',
      'studio product photo of a steel water bottle, soft shadows, 4k',
    ]);
  });

  it('runs the image example and writes a real PNG contact sheet', async () => {
    const result = await runBuilt(['run', example('image-pipeline.json'), '--json'], env);
    expect(result.code).toBe(0);
    const state = JSON.parse(result.stdout);
    const sheet = fileURLToPath(state.finalOutput.contactSheet);
    expect(sheet.startsWith(join(home, 'artifacts'))).toBe(true);
    const meta = await sharp(await readFile(sheet)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 2 * 256 + 8, height: 2 * 256 + 8 });
    expect(state.finalOutput.variants).toHaveLength(4);
    expect(JSON.stringify(state)).not.toContain('pipewright://');
    const plain = await runBuilt(['run', example('image-pipeline.json')], env);
    expect(plain.stdout).toMatch(/^contactSheet: file:\/\/\S+\.png$/m);
  });

  it('saves the run in the store as a scratch workflow, and runs it again from the cache that home shares', async () => {
    const own = { PIPEWRIGHT_HOME: await mkdtemp(join(tmpdir(), 'pw-cli-scratch-')) };
    try {
      const first = JSON.parse((await runBuilt(['run', example('fan-out.json'), '--json'], own)).stdout);
      const again = JSON.parse((await runBuilt(['run', example('fan-out.json'), '--json'], own)).stdout);
      expect([first.nodes.prompt.cached, again.nodes.prompt.cached]).toEqual([false, true]);
      expect(again.finalOutput).toEqual(first.finalOutput);
      const backend = await createEmbeddedBackend({
        home: own.PIPEWRIGHT_HOME,
        links: restLinks('http://127.0.0.1:8787'),
        env: {},
        templatesDir: own.PIPEWRIGHT_HOME,
      });
      const scratch = await backend.listWorkflows({ tag: 'scratch' });
      await backend.close();
      expect(scratch.data.map((workflow) => workflow.id).sort()).toEqual([first.workflowId, again.workflowId].sort());
      expect(scratch.data[0]!.name).toBe('Prompt variations, fan-out and fan-in (offline)');
    } finally {
      await rm(own.PIPEWRIGHT_HOME, { recursive: true, force: true });
    }
  });

  it('exits 1 when a node fails, naming it', async () => {
    const file = join(home, 'failing.json');
    await writeFile(
      file,
      JSON.stringify({
        nodes: [
          { id: 'data', data: { nodeType: 'input:json', config: { value: { a: 1 } } } },
          { id: 'pick', data: { nodeType: 'utility:json_extract', config: { path: 'b.c' } } },
        ],
        edges: [{ id: 'e1', source: 'data', target: 'pick', sourceHandle: 'out-value', targetHandle: 'in-json' }],
      }),
    );
    const result = await runBuilt(['run', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FAILED');
    expect(result.stderr).toContain('pick');
  });

  it('refuses an --input for a node that does not exist, with a suggestion and no stack trace', async () => {
    const result = await runBuilt(['run', example('branching.json'), '--input', 'quantty=3'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "quantity"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an invalid graph before running anything', async () => {
    const file = join(home, 'bad-handle.json');
    const graph = JSON.parse(await readFile(example('branching.json'), 'utf8'));
    graph.edges[0].targetHandle = 'in-valeu';
    await writeFile(file, JSON.stringify(graph));
    const result = await runBuilt(['run', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('in-value');
    expect(result.stderr).toContain('nothing ran');
  });
});
