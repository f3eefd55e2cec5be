import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, runBuilt } from '../support/built-cli.js';
import { node, wire } from './support/main-graph.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

const PROMPT = 'the sneaker turns slowly on the marble, soft light';

let home: string;
let standIns: StandIns;

beforeAll(() => assertFreshBuild());
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-e2e-video-'));
  standIns = await startStandIns();
});
afterEach(async () => {
  await standIns.close();
  await rm(home, { recursive: true, force: true });
});

async function run(graph: object) {
  const file = join(home, 'graph.json');
  await writeFile(file, JSON.stringify(graph));
  const result = await runBuilt(['run', file, '--json'], { PIPEWRIGHT_HOME: home, ...standIns.env });
  expect(result.code, result.stderr).toBe(0);
  return { ...JSON.parse(result.stdout), stderr: result.stderr };
}

const outputVideo = (from: string) => [node('out', 'output:result', { name: 'clip' }), wire(from, 'video', 'out', 'value')] as const;

describe('built CLI: a video node', () => {
  it('animates a local still with Kling 3.0: the still goes to fal storage, the body passes the schema, the clip comes home as MP4', async () => {
    const still = join(home, 'still.png');
    await writeFile(
      still,
      await sharp({ create: { width: 640, height: 360, channels: 3, background: '#c04020' } })
        .png()
        .toBuffer(),
    );
    const [out, toOut] = outputVideo('clip');
    const graph = {
      name: 'animate a still',
      nodes: [
        node('still', 'input:image', { image: still }),
        node('motion', 'input:text', { prompt: PROMPT }),
        node('clip', 'generate:kling_video_3_standard_i2v', { duration: '10', generate_audio: false }),
        out,
      ],
      edges: [wire('still', 'image', 'clip', 'image'), wire('motion', 'text', 'clip', 'prompt'), toOut],
    };

    const result = await run(graph);
    expect(result.status).toBe('COMPLETED');
    expect(standIns.fal.refused).toEqual([]);
    const [stillUrl] = [...standIns.falStorage.files.keys()];
    expect(standIns.fal.submitted).toEqual([
      {
        endpoint: 'fal-ai/kling-video/v3/standard/image-to-video',
        input: {
          prompt: PROMPT,
          start_image_url: stillUrl,
          duration: '10',
          negative_prompt: 'blur, distort, and low quality',
          cfg_scale: 0.5,
          generate_audio: false,
        },
      },
    ]);
    const clip = await readFile(fileURLToPath(String(result.finalOutput.clip)));
    expect(clip.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it("runs a graph still naming generate:veo_3, which fal's client no longer lists, on Veo 3.1 with the settings Veo 3.1 takes", async () => {
    const [out, toOut] = outputVideo('talk');
    const graph = {
      name: 'old veo graph',
      nodes: [node('talk', 'generate:veo_3', { prompt: PROMPT, duration: '4s', generate_audio: false }), out],
      edges: [toOut],
    };

    const result = await run(graph);
    expect(result.status).toBe('COMPLETED');
    expect(result.stderr).toContain('[deprecated-node-type] (node talk)');
    expect(result.stderr).toContain('fix: use `generate:veo_3_1` instead');
    expect(standIns.fal.refused).toEqual([]);
    expect(standIns.fal.submitted).toEqual([
      {
        endpoint: 'fal-ai/veo3.1',
        input: { prompt: PROMPT, aspect_ratio: '16:9', duration: '4s', resolution: '720p', generate_audio: false, auto_fix: true, safety_tolerance: '4' },
      },
    ]);
  });
});
