import { describe, expect, it } from 'vitest';
import { DEFAULT_ARTIFACT_URL_TTL_SECONDS } from '../../src/service/index.js';
import { runBuilt } from '../support/built-cli.js';

describe('pipewright serve --help', () => {
  it('names the services’ default lifetime of a signed file URL', async () => {
    const result = await runBuilt(['serve', '--help']);
    expect(result.code).toBe(0);
    // Help wraps its lines at the terminal's width.
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(`default ${DEFAULT_ARTIFACT_URL_TTL_SECONDS}, 7 days`);
  });
});
