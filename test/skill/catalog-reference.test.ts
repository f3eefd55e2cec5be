import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogReference } from '../../src/skill/catalog-reference.js';

describe('skill/references/node-catalog.md', () => {
  it('is the catalog as the registry has it (regenerate with `npm run skill:catalog`)', async () => {
    const committed = await readFile(new URL('../../skill/references/node-catalog.md', import.meta.url), 'utf8');
    expect(committed).toBe(catalogReference());
  });
});
