import { describe, expect, it } from 'vitest';
import type { NodeState } from '../../../src/engine/index.js';
import { StoreRecorder } from '../../../src/service/executions/store-recorder.js';
import type { Store } from '../../../src/store/index.js';

const completed: NodeState = { nodeId: 'a', nodeType: 'text', label: 'a', status: 'COMPLETED', attempts: 1, credits: 0, cached: false, logs: [] };

describe('StoreRecorder progress', () => {
  it('writes progress under the owner guard, and a refused one ends nothing (progress is best-effort)', async () => {
    const progress: unknown[][] = [];
    const ended: string[] = [];
    const executions = {
      saveProgress: async (...args: unknown[]) => {
        progress.push(args);
        return false;
      },
      saveNode: async () => true,
    };
    const recorder = new StoreRecorder({ executions } as unknown as Pick<Store, 'executions'>, (id) => void ended.push(id));
    recorder.track('exec_1', { accountId: 'acc', startedAt: null, owner: 'w/1/a' });
    recorder.progress('exec_1', 'a', 0.5, 'half');
    await recorder.node('exec_1', completed);
    expect(progress).toEqual([['exec_1', 'a', 0.5, 'half', { owner: 'w/1/a' }]]);
    expect(ended).toEqual([]);
  });
});
