import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuilt } from '../support/built-cli.js';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'pw-validate-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('pipewright validate', () => {
  it('accepts a valid workflow', async () => {
    const result = await runBuilt(['validate', fileURLToPath(new URL('../../examples/fan-out.json', import.meta.url))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid');
  });

  it('prints every violation with its fix and exits 1', async () => {
    const path = await file(
      'bad.json',
      JSON.stringify({
        nodes: [
          { id: 'a', data: { nodeType: 'input:txt', config: {} } },
          { id: 'b', data: { nodeType: 'output:result', config: {} } },
          { id: 'c', data: { nodeType: 'logic:router', config: {} } },
        ],
        edges: [
          { id: 'e1', source: 'c', target: 'b', sourceHandle: 'out-valu', targetHandle: 'in-value' },
          { id: 'e2', source: 'b', target: 'c', sourceHandle: 'out-value', targetHandle: 'in-value' },
        ],
      }),
    );
    const result = await runBuilt(['validate', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[unknown-node-type]');
    expect(result.stdout).toContain('input:text');
    expect(result.stdout).toContain('[bad-source-handle]');
    expect(result.stdout).toContain('out-value');
    expect(result.stdout).toContain('[cycle]');
  });

  it('reports violations as JSON', async () => {
    const path = await file('empty.json', JSON.stringify({ nodes: [], edges: [] }));
    const result = await runBuilt(['validate', path, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).violations.map((v: { rule: string }) => v.rule)).toContain('empty-graph');
  });

  it('exits 2 on unreadable input, naming the file, without a stack trace', async () => {
    const missing = await runBuilt(['validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
    const malformed = await runBuilt(['validate', await file('broken.json', '{"nodes": [')]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('is not valid JSON');
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('pipewright nodes', () => {
  it('lists the catalog as JSON in the GET /nodes shape', async () => {
    const result = await runBuilt(['nodes', '--json']);
    expect(result.code).toBe(0);
    const { nodes } = JSON.parse(result.stdout);
    const text = nodes.find((n: { nodeType: string }) => n.nodeType === 'input:text');
    expect(text).toMatchObject({
      category: 'input',
      outputs: [
        { id: 'prompt', type: 'text', isPort: true },
        { id: 'text', type: 'text', isPort: true },
      ],
    });
    expect(nodes.map((n: { nodeType: string }) => n.nodeType)).toEqual(expect.arrayContaining(['utility:image_grid', 'logic:switch', 'output:result']));
  });
});
