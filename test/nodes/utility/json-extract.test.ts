import { describe, expect, it } from 'vitest';
import { jsonExtract } from '../../../src/nodes/utility/json-extract.js';
import { caught, runNode } from '../context.js';

const response = { data: { items: [{ url: 'https://x.test/a.png' }, { url: 'https://x.test/b.png' }], 'odd.key': 7 } };

describe('utility:json_extract', () => {
  it.each([
    ['data.items[0].url', 'https://x.test/a.png'],
    ['data.items.1.url', 'https://x.test/b.png'],
    ['$.data["odd.key"]', 7],
    ['data.items', response.data.items],
  ])('reads %s', async (path, expected) => {
    expect(await runNode(jsonExtract, { path }, { inputs: { json: response } })).toEqual({ value: expected });
  });

  it('parses text that holds JSON', async () => {
    expect(await runNode(jsonExtract, { path: 'a' }, { inputs: { json: '{"a": [true]}' } })).toEqual({ value: [true] });
  });

  it('fails with path_not_found naming the path and how far it got', async () => {
    const error = await caught(runNode(jsonExtract, { path: 'data.items[5].url' }, { inputs: { json: response } }));
    expect(error).toMatchObject({ code: 'path_not_found', kind: 'user', details: { path: 'data.items[5].url', reached: 'data.items' } });
    expect(error.message).toContain('data.items[5].url');
  });

  it('does not reach into prototypes', async () => {
    expect((await caught(runNode(jsonExtract, { path: 'constructor' }, { inputs: { json: {} } }))).code).toBe('path_not_found');
  });

  it('rejects malformed paths at validation', () => {
    for (const path of ['', 'a..b', 'a[x]', 'a[0']) expect(jsonExtract.config.safeParse({ path }).success, path).toBe(false);
  });
});
