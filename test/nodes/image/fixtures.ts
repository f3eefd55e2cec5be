import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach } from 'vitest';
import type { NodeContext, NodeType } from '../../../src/nodes/node-type.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { runNode } from '../context.js';

export type Rgb = [number, number, number];

/** A real artifact store in a fresh temporary folder per test; removed afterwards. */
export function useArtifactStore(): { readonly store: LocalArtifactStore } {
  const holder = {} as { store: LocalArtifactStore; dir: string };
  beforeEach(async () => {
    holder.dir = await mkdtemp(join(tmpdir(), 'pw-image-nodes-'));
    holder.store = new LocalArtifactStore({ dir: holder.dir });
  });
  afterEach(async () => {
    await rm(holder.dir, { recursive: true, force: true });
  });
  return holder;
}

/** A solid-colour PNG as a data URI. */
export async function solid(width: number, height: number, color: Rgb): Promise<string> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: color[0], g: color[1], b: color[2] } } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

export interface ImageRun extends Partial<NodeContext> {
  config?: Record<string, unknown>;
}

/** Runs a node type against a real store and returns the bytes of its `image` output, read back from that store. */
export async function runImageNode(type: NodeType, store: LocalArtifactStore, { config = {}, ...partial }: ImageRun): Promise<Buffer> {
  const outputs = await runNode(type, config, { artifacts: store, ...partial });
  const artifact = await store.get(store.idFromUrl(String(outputs.image)) ?? '');
  if (!artifact) throw new Error(`The node output ${String(outputs.image)}, not one of the store's artifacts`);
  return Buffer.from(artifact.bytes);
}

export async function pixelAt(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
}

export function near(actual: Rgb, expected: Rgb, tolerance = 8): boolean {
  return actual.every((value, index) => Math.abs(value - expected[index]!) <= tolerance);
}
