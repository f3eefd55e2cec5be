import { describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { errorResult } from '../../src/mcp/error-result.js';

const text = (error: unknown) => {
  const result = errorResult(error);
  expect(result.isError).toBe(true);
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
};

describe('errorResult', () => {
  it('gives the 402 breakdown and the ways out', () => {
    const error = new PipewrightError('insufficient_credits', 'This run needs 40 credits; 10 are available', {
      details: { insufficientCredits: true, requiredCredits: 40, availableCredits: 10, breakdown: [{ nodeId: 'clip', nodeLabel: 'Video', credits: 35 }, { nodeId: 'still', nodeLabel: 'Still', credits: 5 }] },
    });
    expect(text(error)).toBe([
      'error insufficient_credits: This run needs 40 credits; 10 are available',
      'Needs 40 credits; 10 available.',
      '- clip (Video): 35 credits',
      '- still (Still): 5 credits',
      'Run with dryRun: true (0 credits) to check the wiring, use cheaper node types (list_node_types shows costs), or check the balance with get_usage.',
    ].join('\n'));
  });

  it('names the environment variable a provider needs, per provider when several are missing', () => {
    const one = new PipewrightError('provider_not_configured', 'generate:flux_2 runs on fal, which is not configured: set FAL_KEY', { details: { provider: 'fal', env: ['FAL_KEY'] } });
    expect(text(one)).toMatch(/Set FAL_KEY in the environment of the pipewright MCP server/);
    const two = new PipewrightError('provider_not_configured', 'missing', {
      details: { providers: [{ provider: 'fal', env: ['FAL_KEY'] }, { provider: 'openai', env: ['OPENAI_API_KEY', 'OPENROUTER_API_KEY'] }] },
    });
    expect(text(two)).toMatch(/Set fal: FAL_KEY; openai: OPENAI_API_KEY or OPENROUTER_API_KEY in the environment/);
  });

  it('lists invalid fields with their paths', () => {
    const error = new PipewrightError('invalid_body', 'The request body is invalid', { details: { issues: [{ path: ['inputs', 'prompt'], message: 'Expected text' }] } });
    expect(text(error)).toMatch(/- invalid at inputs\.prompt: Expected text/);
  });

  it('keeps the message of codes it has no advice for', () => {
    expect(text(new PipewrightError('workflow_locked', 'Locked by the operator'))).toBe('error workflow_locked: Locked by the operator');
  });

  it('never shows a bug\'s message', () => {
    for (const bug of [new PipewrightError('invariant', 'row 7 of /home/me/db', { kind: 'bug' }), new TypeError('x is undefined at /src/secret.ts')]) {
      const shown = text(bug);
      expect(shown).toMatch(/^error internal/);
      expect(shown).not.toMatch(/row 7|secret/);
    }
  });
});
