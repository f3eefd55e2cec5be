import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/index.js';
import { type ErrorCode as PipewrightErrorCode, PipewrightError } from '../../src/errors/index.js';
import { errorResult, protocolError } from '../../src/mcp/error-result.js';
import { connect, textOf } from './harness.js';

const text = (error: unknown) => {
  const result = errorResult(error);
  expect(result.isError).toBe(true);
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
};

describe('errorResult', () => {
  it('gives the 402 breakdown and the ways out', () => {
    const error = new PipewrightError('insufficient_credits', 'This run needs 40 credits; 10 are available', {
      details: {
        insufficientCredits: true,
        requiredCredits: 40,
        availableCredits: 10,
        breakdown: [
          { nodeId: 'clip', nodeLabel: 'Video', credits: 35 },
          { nodeId: 'still', nodeLabel: 'Still', credits: 5 },
        ],
      },
    });
    expect(text(error)).toBe(
      [
        'error insufficient_credits: This run needs 40 credits; 10 are available',
        'Needs 40 credits; 10 available.',
        '- clip (Video): 35 credits',
        '- still (Still): 5 credits',
        'Run with dryRun: true (0 credits) to check the wiring, use cheaper node types (list_node_types shows costs), or check the balance with get_usage.',
      ].join('\n'),
    );
  });

  it('names the environment variable a provider needs, per provider when several are missing', () => {
    const one = new PipewrightError('provider_not_configured', 'generate:flux_2 runs on fal, which is not configured: set FAL_KEY', {
      details: { provider: 'fal', env: ['FAL_KEY'] },
    });
    expect(text(one)).toMatch(/Set FAL_KEY in the environment of the pipewright MCP server/);
    const two = new PipewrightError('provider_not_configured', 'missing', {
      details: {
        providers: [
          { provider: 'fal', env: ['FAL_KEY'] },
          { provider: 'openai', env: ['OPENAI_API_KEY', 'OPENROUTER_API_KEY'] },
        ],
      },
    });
    expect(text(two)).toMatch(/Set fal: FAL_KEY; openai: OPENAI_API_KEY or OPENROUTER_API_KEY in the environment/);
  });

  it('lists invalid fields with their paths', () => {
    const error = new PipewrightError('invalid_body', 'The request body is invalid', {
      details: { issues: [{ path: ['inputs', 'prompt'], message: 'Expected text' }] },
    });
    expect(text(error)).toMatch(/- invalid at inputs\.prompt: Expected text/);
  });

  it('keeps the message of codes it has no advice for', () => {
    expect(text(new PipewrightError('workflow_locked' as PipewrightErrorCode, 'Locked by the operator'))).toBe('error workflow_locked: Locked by the operator');
  });

  it("never shows a bug's message", () => {
    for (const bug of [new PipewrightError('internal', 'row 7 of /home/me/db'), new TypeError('x is undefined at /src/secret.ts')]) {
      const shown = text(bug);
      expect(shown).toMatch(/^error internal/);
      expect(shown).not.toMatch(/row 7|secret/);
    }
  });

  it('withholds the message of an operational fault the contract does not list, as REST does', () => {
    const faults = [
      new PipewrightError('store_unavailable', 'Could not open the pipewright store under /home/me/.pipewright: EACCES'),
      new PipewrightError('media_read_failed', 'Cannot read /srv/private/photo.png (EACCES)', { details: { path: '/srv/private/photo.png' } }),
      new PipewrightError('network_error', 'connect ECONNREFUSED 10.0.0.7:5432'),
    ];
    for (const fault of faults) {
      const shown = text(fault);
      expect(shown).toMatch(/^error unavailable: .*try again shortly/);
      expect(shown).not.toMatch(/home|srv|10\.0\.0\.7|EACCES/);
      const protocol = protocolError(fault);
      expect(protocol.code).toBe(ErrorCode.InternalError);
      expect(protocol.message).toMatch(/unavailable: /);
      expect(protocol.message).not.toMatch(/home|srv|10\.0\.0\.7/);
    }
  });

  it("keeps the message of listed codes and of the caller's own mistakes, whatever the kind", () => {
    expect(text(new PipewrightError('unavailable', 'Rate limiter backend failed'))).toBe('error unavailable: Rate limiter backend failed');
    expect(text(new PipewrightError('media_not_found', 'No file at ./shoe.png', { details: { path: './shoe.png' } }))).toBe(
      'error media_not_found: No file at ./shoe.png',
    );
    expect(
      text(
        new PipewrightError('provider_not_configured', 'generate:flux_2 runs on fal, which is not configured: set FAL_KEY', { details: { env: ['FAL_KEY'] } }),
      ),
    ).toMatch(/^error provider_not_configured: generate:flux_2 runs on fal/);
    expect(protocolError(new PipewrightError('not_found', 'No workflow wf_x')).message).toMatch(/not_found: No workflow wf_x$/);
  });
});

describe('a withheld error through the server', () => {
  it("reaches the client as unavailable and the operator's log in full", async () => {
    const fault = new PipewrightError('store_unavailable', 'Could not open the pipewright store under /home/me/.pipewright');
    const backend = { getWorkflow: async () => Promise.reject(fault), close: async () => {} } as unknown as Backend;
    const mcp = await connect({ backend });
    try {
      const result = await mcp.call('get_workflow', { workflowId: 'wf_any' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^error unavailable/);
      expect(textOf(result)).not.toContain('/home/me');
      expect(mcp.serverErrors).toEqual([fault]);
    } finally {
      await mcp.close();
    }
  });
});
