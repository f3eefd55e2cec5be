import { describe, expect, it } from 'vitest';
import { applyNodeEvent, statesFromDetail, statesFromPoll } from '../../web/shared/node-state.js';

// The viewer and the MCP App fold the same three sources into node states: these are pure.
const at = () => new Date('2026-01-01T00:00:00Z');

describe('node states', () => {
  it('fold SSE node events in order: started, progress, completed with outputs, credits and time', () => {
    let states = statesFromDetail([{ nodeId: 'img', label: 'Image', nodeType: 'generate:flux_2', status: 'PENDING' }]);
    states = applyNodeEvent(states, 'node.started', { nodeId: 'img', status: 'RUNNING' }, at);
    expect(states.img).toMatchObject({ status: 'RUNNING', startedAt: '2026-01-01T00:00:00.000Z', label: 'Image' });
    states = applyNodeEvent(states, 'node.progress', { nodeId: 'img', status: 'RUNNING', progress: 0.5 }, at);
    expect(states.img?.progress).toBe(0.5);
    states = applyNodeEvent(
      states,
      'node.completed',
      { nodeId: 'img', status: 'COMPLETED', outputs: { image: 'https://x/a.png' }, credits: 3, durationMs: 900 },
      at,
    );
    expect(states.img).toMatchObject({ status: 'COMPLETED', outputs: { image: 'https://x/a.png' }, credits: 3, durationMs: 900, nodeType: 'generate:flux_2' });
  });

  it('keep a failed node its coded error and a skipped one its reason; execution events change nothing', () => {
    let states = applyNodeEvent({}, 'node.failed', { nodeId: 'a', status: 'FAILED', error: { code: 'provider_error', message: 'flagged' } });
    states = applyNodeEvent(states, 'node.skipped', { nodeId: 'b', status: 'SKIPPED', skipReason: 'upstream_failed' });
    expect(states).toEqual({
      a: { status: 'FAILED', error: { code: 'provider_error', message: 'flagged' } },
      b: { status: 'SKIPPED', skipReason: 'upstream_failed' },
    });
    expect(applyNodeEvent(states, 'execution.failed', { status: 'FAILED' })).toBe(states);
  });

  it('read the compat poll shape (poll_execution) with its file URLs, text and string errors', () => {
    const states = statesFromPoll([
      { nodeId: 'img', status: 'COMPLETED', outputUrl: 'https://x/a.png', outputUrls: null, text: null, progress: 1, error: null },
      { nodeId: 'grid', status: 'COMPLETED', outputUrls: ['https://x/1.png', 'https://x/2.png'], text: 'caption', error: null },
      { nodeId: 'llm', status: 'FAILED', error: 'timed out' },
      { nodeId: 'odd', status: 'SOMETHING_NEW' },
    ]);
    expect(states.img?.outputs).toEqual({ file: 'https://x/a.png' });
    expect(states.grid?.outputs).toEqual({ files: ['https://x/1.png', 'https://x/2.png'], text: 'caption' });
    expect(states.llm?.error).toEqual({ message: 'timed out' });
    expect(states.odd?.status).toBe('PENDING');
  });
});
