import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressCoalescer } from '../../../src/service/executions/progress-coalescer.js';

describe('ProgressCoalescer', () => {
  let clock = 0;
  let written: Array<[string, string, number, string | undefined]>;
  let coalescer: ProgressCoalescer;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    written = [];
    coalescer = new ProgressCoalescer(
      async (executionId, nodeId, progress, message) => void written.push([executionId, nodeId, progress, message]),
      1_000,
      () => clock,
    );
  });
  afterEach(() => vi.useRealTimers());

  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('writes the first report at once, holds later ones to one a second (the latest), and drops steps under 0.01', async () => {
    coalescer.report('e', 'n', 0.1, 'one');
    await coalescer.settled('e');
    for (let i = 2; i <= 500; i++) coalescer.report('e', 'n', 0.1 + i / 1000, `step ${i}`);
    await advance(999);
    expect(written).toEqual([['e', 'n', 0.1, 'one']]);
    await advance(1);
    await coalescer.settled('e');
    expect(written).toEqual([
      ['e', 'n', 0.1, 'one'],
      ['e', 'n', 0.6, 'step 500'],
    ]);
    await advance(5_000);
    coalescer.report('e', 'n', 0.605, undefined);
    await coalescer.settled('e');
    expect(written).toHaveLength(2);
  });

  it('keeps nodes apart, and drops what a node held back once it has ended', async () => {
    coalescer.report('e', 'a', 0.1, undefined);
    coalescer.report('e', 'b', 0.1, undefined);
    coalescer.report('e', 'a', 0.5, undefined);
    coalescer.end('e', 'a');
    await advance(2_000);
    await coalescer.settled('e');
    expect(written.map(([, node, progress]) => [node, progress])).toEqual([
      ['a', 0.1],
      ['b', 0.1],
    ]);
  });

  it('writes one execution’s reports one after another, and a failed write is no one’s failure', async () => {
    const order: string[] = [];
    let fail = true;
    const slow = new ProgressCoalescer(async (_e, node) => {
      order.push(`start ${node}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push(`end ${node}`);
      if (fail) {
        fail = false;
        throw new Error('store busy');
      }
    });
    slow.report('e', 'a', 0.5, undefined);
    slow.report('e', 'b', 0.5, undefined);
    await vi.advanceTimersByTimeAsync(20);
    await slow.settled('e');
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
