import { describe, expect, it } from 'vitest';
import { logicSwitch } from '../../../src/nodes/logic/switch.js';
import { runNode } from '../context.js';

const cases = ['portrait', 'landscape', 'square-1'];

describe('logic:switch', () => {
  it('makes one output per case plus default', () => {
    expect(logicSwitch.portsFor?.({ cases }).outputs.map((p) => p.name)).toEqual([...cases, 'default']);
    expect(logicSwitch.portsFor?.({ cases: 'nope' }).outputs.map((p) => p.name)).toEqual(['default']);
  });

  it('returns only the matching case, carrying the value', async () => {
    expect(await runNode(logicSwitch, { cases }, { inputs: { value: 'landscape' } })).toEqual({ landscape: 'landscape' });
  });

  it('falls back to default when nothing matches', async () => {
    expect(await runNode(logicSwitch, { cases }, { inputs: { value: 'panorama' } })).toEqual({ default: 'panorama' });
  });

  it('routes on a field of a JSON value when key is set, passing the whole value', async () => {
    const value = { job: { shape: 'square-1' }, url: 'u' };
    expect(await runNode(logicSwitch, { cases, key: 'job.shape' }, { inputs: { value } })).toEqual({ 'square-1': value });
    expect(await runNode(logicSwitch, { cases, key: 'job.missing' }, { inputs: { value } })).toEqual({ default: value });
  });

  it('matches numbers by their text', async () => {
    expect(await runNode(logicSwitch, { cases: ['1', '2'] }, { inputs: { value: 2 } })).toEqual({ 2: 2 });
  });

  it('rejects unusable cases at validation', () => {
    for (const bad of [[], ['a b'], ['a', 'a'], ['default'], Array.from({ length: 21 }, (_, i) => `c${i}`)]) {
      expect(logicSwitch.config.safeParse({ cases: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
