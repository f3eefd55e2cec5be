import { describe, expect, it } from 'vitest';
import { promptConcat } from '../../../src/nodes/utility/prompt-concat.js';
import { runNode } from '../context.js';

describe('utility:prompt_concat', () => {
  it('joins parts in order with the default separator', async () => {
    expect(await runNode(promptConcat, {}, { inputs: { parts: ['a cat', 'studio light', 4] } })).toEqual({ prompt: 'a cat, studio light, 4' });
  });

  it('uses the configured separator and leaves out empty parts', async () => {
    expect(await runNode(promptConcat, { separator: '\n' }, { inputs: { parts: ['one', '', '  ', null, 'two'] } })).toEqual({ prompt: 'one\ntwo' });
  });

  it('takes a single part that arrived unwrapped', async () => {
    expect(await runNode(promptConcat, {}, { inputs: { parts: 'alone' } })).toEqual({ prompt: 'alone' });
  });
});
