import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, runBuilt } from '../support/built-cli.js';
import { node, wire } from './support/main-graph.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

let home: string;
let standIns: StandIns;

beforeAll(() => assertFreshBuild());
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-e2e-files-'));
  standIns = await startStandIns();
});
afterEach(async () => {
  await standIns.close();
  await rm(home, { recursive: true, force: true });
});

describe('built CLI: local files given to a fal model', () => {
  it('uploads a local photo to fal storage once for two edits and sends its URL, never the bytes inline', async () => {
    const photo = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .png()
      .toBuffer();
    const photoPath = join(home, 'photo.png');
    await writeFile(photoPath, photo);
    const graph = {
      name: 'two edits of one photo',
      nodes: [
        node('photo', 'input:image', { image: photoPath }),
        node('marble', 'generate:flux_2_edit', { prompt: 'on a marble table' }),
        node('beach', 'generate:flux_2_edit', { prompt: 'on a beach' }),
        node('out_marble', 'output:result', { name: 'marble' }),
        node('out_beach', 'output:result', { name: 'beach' }),
      ],
      edges: [
        wire('photo', 'image', 'marble', 'image'),
        wire('photo', 'image', 'beach', 'image'),
        wire('marble', 'image', 'out_marble', 'value'),
        wire('beach', 'image', 'out_beach', 'value'),
      ],
    };
    const file = join(home, 'graph.json');
    await writeFile(file, JSON.stringify(graph));

    const result = await runBuilt(['run', file, '--json'], { PIPEWRIGHT_HOME: home, ...standIns.env });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).status).toBe('COMPLETED');

    expect(standIns.falStorage.counters).toMatchObject({ initiates: 1, puts: 1 });
    const [fileUrl] = [...standIns.falStorage.files.keys()];
    expect(standIns.falStorage.files.get(fileUrl!)!.bytes.equals(await readFile(photoPath))).toBe(true);
    expect(standIns.fal.refused).toEqual([]);
    expect(standIns.fal.submitted.map(({ input }) => (input as { image_urls: unknown }).image_urls)).toEqual([[fileUrl], [fileUrl]]);
    expect(JSON.stringify(standIns.fal.submitted)).not.toContain('data:');
  });
});
