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

  it('openAiImages labels base64 images by their bytes, else by the response output_format, else as PNG', () => {
    const b64 = (bytes: number[]) => Buffer.from([...bytes, 0, 0, 0, 0]).toString('base64');
    const png = b64([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const jpeg = b64([0xff, 0xd8, 0xff, 0xe0]);
    const webp = b64([...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBP')]);
    const unknown = b64([1, 2, 3]);
    const types = (output: unknown) => openAiImages(output).map((image) => ('contentType' in image ? image.contentType : image.url));
    expect(types({ data: [{ b64_json: png }, { b64_json: jpeg }, { b64_json: webp }], output_format: 'png' })).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
    ]);
    expect(types({ data: [{ b64_json: unknown }], output_format: 'webp' })).toEqual(['image/webp']);
    expect(types({ data: [{ b64_json: unknown }], output_format: 'constructor' })).toEqual(['image/png']);
    expect(types({ data: [{ b64_json: unknown }] })).toEqual(['image/png']);
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
