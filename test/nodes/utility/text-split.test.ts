import { describe, expect, it } from 'vitest';
import { textSplit } from '../../../src/nodes/utility/text-split.js';
import { caught, runNode } from '../context.js';

describe('utility:text_split', () => {
  it('splits lines, trimming and dropping empty ones by default', async () => {
    expect(await runNode(textSplit, {}, { inputs: { text: ' a red car \n\n a blue boat\n' } })).toEqual({ items: ['a red car', 'a blue boat'] });
  });

  it('keeps items as they are when trim and dropEmpty are off', async () => {
    expect(await runNode(textSplit, { separator: ',', trim: false, dropEmpty: false }, { inputs: { text: 'a, b,,c' } })).toEqual({
      items: ['a', ' b', '', 'c'],
    });
  });

  it('keeps only the first limit items', async () => {
    expect(await runNode(textSplit, { separator: ';', limit: 2 }, { inputs: { text: 'x;y;z' } })).toEqual({ items: ['x', 'y'] });
  });

  it('takes the separator literally, not as a pattern', async () => {
    expect(await runNode(textSplit, { separator: '.' }, { inputs: { text: 'a.b' } })).toEqual({ items: ['a', 'b'] });
  });

  it('fails on a missing text and refuses an empty separator', async () => {
    expect((await caught(runNode(textSplit, {}))).code).toBe('invalid_input');
    expect(textSplit.config.safeParse({ separator: '' }).success).toBe(false);
  });
});
