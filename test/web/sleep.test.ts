import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sleep } from '../../web/viewer/src/sleep.js';

describe("the run viewer's sleep (between polls and reconnects)", () => {
  it('leaves no abort listener behind once its wait is over', async () => {
    const stop = new AbortController();
    await sleep(1, stop.signal);
    await sleep(1, stop.signal);
    expect(getEventListeners(stop.signal, 'abort')).toEqual([]);
  });

  it("rejects with the signal's reason when aborted first", async () => {
    const stop = new AbortController();
    const waiting = sleep(60_000, stop.signal);
    stop.abort(new Error('left the page'));
    await expect(waiting).rejects.toThrow('left the page');
  });
});
