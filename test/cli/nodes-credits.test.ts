import { describe, expect, it } from 'vitest';
import { tempHome } from '../api/harness.js';
import { runBuilt } from '../support/built-cli.js';

// What the README's `pipewright nodes` prints reads as English at every price, one credit included.
describe('pipewright nodes: costs', () => {
  it('says "1 credit" and "N credits", never "1 credits"', async () => {
    const env = { PIPEWRIGHT_HOME: await tempHome() };
    const { nodes } = JSON.parse((await runBuilt(['nodes', '--json'], env)).stdout) as { nodes: Array<{ nodeType: string; cost: number }> };
    const { code, stdout } = await runBuilt(['nodes'], env);
    expect(code).toBe(0);
    const lineOf = (nodeType: string) => stdout.split('\n').find((line) => line.startsWith(`${nodeType} `)) ?? '';
    const one = nodes.filter((node) => node.cost === 1);
    const several = nodes.filter((node) => node.cost > 1);
    expect(one.length * several.length).toBeGreaterThan(0);
    for (const { nodeType } of one) expect(lineOf(nodeType)).toMatch(/\] 1 credit( ·|$)/);
    for (const { nodeType, cost } of several) expect(lineOf(nodeType)).toContain(`] ${cost} credits`);
  });
});
