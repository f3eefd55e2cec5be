import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicFake, type AnthropicFake } from '../providers/fakes/anthropic-fake.js';
import { assertFreshBuild, runBuilt } from '../support/built-cli.js';

const KEY = 'sk-ant-e2e-0123456789abcdef';

const graph = {
  name: 'tagline',
  nodes: [
    { id: 'idea', data: { nodeType: 'input:text', config: { prompt: 'a red sneaker' } } },
    { id: 'writer', data: { nodeType: 'llm:claude_sonnet_5', config: { system: 'Write one tagline.', effort: 'low' } } },
    { id: 'out', data: { nodeType: 'output:result', config: { name: 'tagline' } } },
  ],
  edges: [
    { id: 'e1', source: 'idea', target: 'writer', sourceHandle: 'out-prompt', targetHandle: 'in-prompt' },
    { id: 'e2', source: 'writer', target: 'out', sourceHandle: 'out-text', targetHandle: 'in-value' },
  ],
};

let home: string;
let anthropic: AnthropicFake;

beforeAll(() => assertFreshBuild());
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-e2e-llm-'));
  anthropic = await startAnthropicFake(KEY);
});
afterEach(async () => {
  await anthropic.close();
  await rm(home, { recursive: true, force: true });
});

describe('built CLI: an Anthropic LLM node', () => {
  it('runs llm:claude_sonnet_5 against the Anthropic stand-in with one Messages call', async () => {
    const file = join(home, 'graph.json');
    await writeFile(file, JSON.stringify(graph));
    const result = await runBuilt(['run', file, '--json'], { PIPEWRIGHT_HOME: home, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url });
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.status).toBe('COMPLETED');
    expect(run.finalOutput).toEqual({ tagline: 'A red sneaker, on white marble.' });
    expect(anthropic.requests).toHaveLength(1);
    const body = anthropic.requests[0]!.body as Record<string, unknown>;
    expect(body).toEqual({
      model: 'claude-sonnet-5',
      system: 'Write one tagline.',
      messages: [{ role: 'user', content: 'a red sneaker' }],
      max_tokens: 8000,
      output_config: { effort: 'low' },
      stream: false,
    });
  });
});
