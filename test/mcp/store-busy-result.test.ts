import { describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { errorResult } from '../../src/mcp/error-result.js';

describe('errorResult for store_busy', () => {
  it('is an isError result that names the code and says how long to wait, not the withheld stand-in', () => {
    const result = errorResult(new PipewrightError('store_busy', undefined, { details: { retryAfter: 1 } }));
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      {
        type: 'text',
        text: 'error store_busy: Another process held the store write lock for too long; try again shortly\nWait 1 seconds, then call again.',
      },
    ]);
  });
});
