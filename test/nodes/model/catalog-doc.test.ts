import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogMarkdown } from '../../../src/nodes/model/catalog-doc.js';

describe('docs/models.md', () => {
  it('shows the catalog as it is (regenerate with `npx tsx src/nodes/model/catalog-doc.ts`)', async () => {
    const page = await readFile(new URL('../../../docs/models.md', import.meta.url), 'utf8');
    const current = /<!-- catalog:start -->\n([\s\S]*)\n<!-- catalog:end -->/.exec(page)?.[1];
    expect(current).toBe(catalogMarkdown());
  });
});
