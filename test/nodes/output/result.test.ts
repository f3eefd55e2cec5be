import { describe, expect, it } from 'vitest';
import { outputResult } from '../../../src/nodes/output/result.js';
import { runNode } from '../context.js';

describe('output:result', () => {
  it('passes its value through', async () => {
    expect(await runNode(outputResult, { name: 'image' }, { inputs: { value: 'https://x.test/a.png' } })).toEqual({ value: 'https://x.test/a.png' });
  });

  it("names its result 'result' unless told otherwise", () => {
    expect(outputResult.config.parse({})).toEqual({ name: 'result' });
    expect(outputResult.config.safeParse({ name: '' }).success).toBe(false);
  });
});
