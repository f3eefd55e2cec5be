import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { createPollingFeed } from '../../src/mcp/subscriptions/polling-feed.js';
import type { ResourceState } from '../../src/mcp/subscriptions/change-feed.js';

/** Resources whose state the test sets; each read is counted. */
function fakeResources() {
  const states = new Map<string, ResourceState | 'gone'>();
  const reads = new Map<string, number>();
  const watchable = (uri: string) => ({
    intervalMs: 1000,
    state: async () => {
      reads.set(uri, (reads.get(uri) ?? 0) + 1);
      const state = states.get(uri);
      if (state === undefined || state === 'gone') throw new PipewrightError('not_found', `No ${uri}`);
      return state;
    },
  });
  return { states, reads, watchable };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the polling change feed', () => {
  it('tells each change once, a last time when the resource is final, then stops reading it', async () => {
    const { states, reads, watchable } = fakeResources();
    const changed: string[] = [];
    const feed = createPollingFeed({ watchable, onChange: async (uri) => void changed.push(uri) });
    states.set('a', { version: '1', final: false });
    await feed.watch('a');
    await vi.advanceTimersByTimeAsync(3000);
    expect(changed).toEqual([]);
    states.set('a', { version: '2', final: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toEqual(['a']);
    states.set('a', { version: '3', final: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toEqual(['a', 'a']);
    const readsWhenFinal = reads.get('a');
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads.get('a')).toBe(readsWhenFinal);
    expect(changed).toEqual(['a', 'a']);
    await feed.close();
  });

  it('tells a resource that is gone once, as its last change', async () => {
    const { states, watchable } = fakeResources();
    const changed: string[] = [];
    const feed = createPollingFeed({ watchable, onChange: async (uri) => void changed.push(uri) });
    states.set('w', { version: '1', final: false });
    await feed.watch('w');
    states.set('w', 'gone');
    await vi.advanceTimersByTimeAsync(5000);
    expect(changed).toEqual(['w']);
    await feed.close();
  });

  it('says nothing more of an unwatched resource and reads it no more', async () => {
    const { states, reads, watchable } = fakeResources();
    const changed: string[] = [];
    const feed = createPollingFeed({ watchable, onChange: async (uri) => void changed.push(uri) });
    states.set('a', { version: '1', final: false });
    states.set('b', { version: '1', final: false });
    await feed.watch('a');
    await feed.watch('b');
    feed.unwatch('a');
    states.set('a', { version: '2', final: true });
    states.set('b', { version: '2', final: false });
    await vi.advanceTimersByTimeAsync(5000);
    expect(changed).toEqual(['b']);
    expect(reads.get('a')).toBe(1);
    await feed.close();
  });

  it('refuses to watch what does not exist, keeps watching through a failed read, and reads nothing once closed', async () => {
    const { states, reads, watchable } = fakeResources();
    const errors: unknown[] = [];
    const changed: string[] = [];
    let failNext = false;
    const flaky = (uri: string) => {
      const inner = watchable(uri);
      return { ...inner, state: () => (failNext ? ((failNext = false), Promise.reject(new PipewrightError('store_unavailable', 'down'))) : inner.state()) };
    };
    const feed = createPollingFeed({ watchable: flaky, onChange: async (uri) => void changed.push(uri), onError: (error) => errors.push(error) });
    await expect(feed.watch('missing')).rejects.toThrow(/No missing/);
    states.set('a', { version: '1', final: false });
    await feed.watch('a');
    states.set('a', { version: '2', final: false });
    failNext = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ code: 'store_unavailable' })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toEqual(['a']);
    await feed.close();
    const after = reads.get('a');
    states.set('a', { version: '3', final: false });
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads.get('a')).toBe(after);
    expect(changed).toEqual(['a']);
  });
});
