import { describe, expect, it } from 'vitest';
import { router } from '../../../src/nodes/logic/router.js';
import { runNode } from '../context.js';

describe('logic:router', () => {
  it('passes its value through unchanged', async () => {
    const value = { any: ['thing'] };
    expect(await runNode(router, {}, { inputs: { value } })).toEqual({ value });
  });
});
