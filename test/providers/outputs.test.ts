import { describe, expect, it } from 'vitest';
import { anthropicText, chatText, openAiImages } from '../../src/providers/index.js';

describe('output readers', () => {
  it('return undefined or nothing for shapes they do not know, rather than throw', () => {
    for (const output of [null, undefined, 'text', 42, {}, { choices: [] }, { content: 'x' }, { data: 'x' }]) {
      expect(chatText(output)).toBeUndefined();
      expect(anthropicText(output)).toBeUndefined();
      expect(openAiImages(output)).toEqual([]);
    }
  });

  it('anthropicText skips non-text blocks', () => {
    expect(
      anthropicText({
        content: [
          { type: 'thinking', thinking: '…' },
          { type: 'text', text: 'Hello' },
          { type: 'tool_use', id: 't' },
        ],
      }),
    ).toBe('Hello');
  });
});
