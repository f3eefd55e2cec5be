import { itemType, isListType, type PortSpec } from '../../graph/index.js';
import type { NodeContext, NodeOutputs } from '../node-type.js';
import type { ModelEntry } from './catalog/entry.js';
import { placeholderPng } from './placeholder-image.js';
import { silentWav } from './silent-wav.js';

const EXCERPT = 240;

/**
 * What a model node returns in a dry run (docs/execution.md): no provider call, zero credits, and
 * nothing that could pass for a real result.
 * - `image`: a stored PNG showing "DRY RUN", the node type and the prompt; an `image[]` port gets
 *   as many as the node would make (`num_images`, or OpenAI's `n`), numbered.
 * - `video`: a stored PNG still marked 'DRY RUN · video' (no video encoder is bundled).
 * - `audio`: a stored one-second silent WAV.
 * - `text`: `[dry run] <nodeType> would answer: <prompt excerpt>`.
 * - `json` (transcript chunks): an empty list; `sources`: empty, nothing came from a provider.
 */
export async function dryRunOutputs(entry: ModelEntry, ctx: NodeContext): Promise<NodeOutputs> {
  const request = excerpt(requestText(entry, ctx.inputs));
  const count = imageCount(ctx.settings);
  const images = new Map<number, Promise<string>>();
  const image = (index: number) => {
    if (!images.has(index)) {
      const banner = count > 1 ? `DRY RUN · ${index + 1}/${count}` : 'DRY RUN';
      images.set(index, storePng(ctx, banner, request, ctx.nodeType));
    }
    return images.get(index)!;
  };
  const outputs: NodeOutputs = {};
  for (const port of entry.outputs) {
    outputs[port.name] = await placeholderFor(port, { ctx, request, count, image });
  }
  return outputs;
}

interface PlaceholderKit {
  ctx: NodeContext;
  request: string;
  count: number;
  image(index: number): Promise<string>;
}

async function placeholderFor(port: PortSpec, kit: PlaceholderKit): Promise<unknown> {
  const list = isListType(port.type);
  switch (itemType(port.type)) {
    case 'image':
      return list ? Promise.all(Array.from({ length: kit.count }, (_, i) => kit.image(i))) : kit.image(0);
    case 'video':
      return storePng(kit.ctx, 'DRY RUN · video', kit.request, kit.ctx.nodeType);
    case 'audio':
      return (await kit.ctx.artifacts.put({ bytes: silentWav(), contentType: 'audio/wav' })).url;
    case 'text':
      return `[dry run] ${kit.ctx.nodeType} would answer: ${kit.request}`;
    default:
      return [];
  }
}

async function storePng(ctx: NodeContext, banner: string, request: string, nodeType: string): Promise<string> {
  const bytes = await placeholderPng({ banner, nodeType, detail: request }, ctx.settings.aspect_ratio);
  ctx.signal.throwIfAborted();
  return (await ctx.artifacts.put({ bytes, contentType: 'image/png' })).url;
}

/** The words of the request (prompt or text), else what the node was given (a file reference). */
function requestText(entry: ModelEntry, inputs: Readonly<Record<string, unknown>>): string {
  const words = inputs.prompt ?? inputs.text;
  if (typeof words === 'string' && words.trim() !== '') return words.trim();
  const file = entry.inputs.map((port) => inputs[port.name]).find((value) => typeof value === 'string');
  return typeof file === 'string' ? `(no prompt) input ${file.startsWith('data:') ? 'data URI' : file}` : '(no prompt)';
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

/** The fal (`num_images`) and OpenAI (`n`) spellings of "how many images". */
function imageCount(settings: Readonly<Record<string, unknown>>): number {
  const count = settings.num_images ?? settings.n;
  return typeof count === 'number' && count >= 1 ? Math.floor(count) : 1;
}
