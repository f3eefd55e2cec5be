import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, runBuilt } from '../support/built-cli.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

const RECORDING = 'https://example.com/interview.mp3';

const graph = {
  name: 'transcript',
  nodes: [
    { id: 'stt', data: { nodeType: 'generate:wizper', config: { audio: RECORDING } } },
    { id: 'text', data: { nodeType: 'output:result', config: { name: 'transcript' } } },
    { id: 'chunks', data: { nodeType: 'output:result', config: { name: 'segments' } } },
  ],
  edges: [
    { id: 'e1', source: 'stt', target: 'text', sourceHandle: 'out-text', targetHandle: 'in-value' },
    { id: 'e2', source: 'stt', target: 'chunks', sourceHandle: 'out-chunks', targetHandle: 'in-value' },
  ],
};

let home: string;
let standIns: StandIns;

beforeAll(() => assertFreshBuild());
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-e2e-audio-'));
  standIns = await startStandIns();
});
afterEach(async () => {
  await standIns.close();
  await rm(home, { recursive: true, force: true });
});

describe('built CLI: a speech-to-text node', () => {
  it('runs generate:wizper against the schema-checked fal stand-in, asking fal to detect the language', async () => {
    const file = join(home, 'graph.json');
    await writeFile(file, JSON.stringify(graph));
    const result = await runBuilt(['run', file, '--json'], { PIPEWRIGHT_HOME: home, ...standIns.env });
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.status).toBe('COMPLETED');
    expect(run.finalOutput.transcript).toBe('Words from the stand-in.');
    expect(run.finalOutput.segments).toEqual([expect.objectContaining({ text: 'Words from the stand-in.' })]);
    expect(standIns.fal.refused).toEqual([]);
    // fal assumes English when `language` is missing; null is what asks it to detect the language.
    expect(standIns.fal.submitted).toEqual([
      {
        endpoint: 'fal-ai/wizper',
        input: { audio_url: RECORDING, task: 'transcribe', language: null, chunk_level: 'segment', max_segment_len: 29, merge_chunks: true },
      },
    ]);
  });
});
