import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend } from '../../src/backend/index.js';
import { runBuilt } from '../support/built-cli.js';
import { restLinks } from '../../src/api/index.js';

let home: string;
let workflowId: string;
let imageId: string;

/** A model node: a dry run stores a placeholder image. */
const imageGraph = {
  nodes: [
    { id: 'prompt', data: { nodeType: 'input:text', config: { prompt: 'a red sneaker' } } },
    { id: 'img', data: { nodeType: 'generate:flux_2', config: {} } },
    { id: 'out', data: { nodeType: 'output:result', config: { name: 'image' } } },
  ],
  edges: [
    { id: 'e1', source: 'prompt', target: 'img', sourceHandle: 'out-text', targetHandle: 'in-prompt' },
    { id: 'e2', source: 'img', target: 'out', sourceHandle: 'out-image', targetHandle: 'in-value' },
  ],
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-run-saved-'));
  const backend = await createEmbeddedBackend({
    home,
    links: restLinks('http://127.0.0.1:8787'),
    env: {},
    templatesDir: await mkdtemp(join(home, 'templates-')),
  });
  const graph = JSON.parse(await readFile(fileURLToPath(new URL('../../examples/branching.json', import.meta.url)), 'utf8'));
  workflowId = (await backend.saveWorkflow({ workflow: graph })).workflow.id;
  imageId = (await backend.saveWorkflow({ workflow: { name: 'Image', ...imageGraph } })).workflow.id;
  await backend.close();
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('pipewright run <workflowId>', () => {
  it('runs a saved workflow from the store under PIPEWRIGHT_HOME, with its inputs and per-node lines', async () => {
    const result = await runBuilt(['run', workflowId, '--input', 'quantity=3'], { PIPEWRIGHT_HOME: home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('message: Standard order: 3 ceramic mugs');
    expect(result.stderr).toMatch(/completed\s+standard/);
    expect(result.stderr).toMatch(/skipped\s+bulk/);
  });

  it('prints the stored execution record with --json', async () => {
    const result = await runBuilt(['run', workflowId, '--json'], { PIPEWRIGHT_HOME: home });
    expect(result.code).toBe(0);
    const detail = JSON.parse(result.stdout);
    expect(detail).toMatchObject({ workflowId, status: 'COMPLETED', finalOutput: { message: expect.stringContaining('Bulk order') } });
  });

  it('shows stored files as file:// URLs of the files under PIPEWRIGHT_HOME, plain and --json', async () => {
    const plain = await runBuilt(['run', imageId, '--dry-run'], { PIPEWRIGHT_HOME: home });
    expect(plain.code, plain.stderr).toBe(0);
    const shown = /^image: (file:\/\/\S+)$/m.exec(plain.stdout)?.[1];
    expect(fileURLToPath(shown!).startsWith(join(home, 'artifacts'))).toBe(true);
    expect((await readFile(fileURLToPath(shown!))).subarray(1, 4).toString('ascii')).toBe('PNG');
    const json = await runBuilt(['run', imageId, '--dry-run', '--json'], { PIPEWRIGHT_HOME: home });
    const detail = JSON.parse(json.stdout);
    expect(detail.finalOutput.image).toMatch(/^file:\/\//);
    expect(json.stdout).not.toMatch(/pipewright:\/\/|\/api\/v1/);
  });

  it('says so when the id is not a saved workflow, exit 2 and no stack trace', async () => {
    const result = await runBuilt(['run', 'wf_doesnotexist'], { PIPEWRIGHT_HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('wf_doesnotexist');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
