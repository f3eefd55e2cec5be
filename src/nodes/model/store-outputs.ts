import { isPipewrightError } from '../../errors/index.js';
import type { NodeContext, NodeOutputs } from '../node-type.js';
import { readMedia } from '../io/media.js';
import type { ModelEntry } from './catalog/entry.js';
import { filePorts, mapRefs } from './media-ports.js';

type CopyContext = Pick<NodeContext, 'artifacts' | 'policy' | 'signal' | 'log'>;

/**
 * Copies every file a provider returned into the artifact store (providers delete them: Replicate
 * after an hour, fal after days) and puts the stored URL on the port. The provider's URL stays
 * beside it on `sources` (by port; null for files sent inline as data URIs). With
 * `keepProviderUrlOnly` the ports carry the provider URLs and nothing is copied.
 *
 * A copy that fails keeps the provider URL on that port and logs why: the run has been paid for,
 * and failing the node would throw the result away (a retry would pay again).
 */
export async function storeOutputs(entry: ModelEntry, outputs: NodeOutputs, ctx: CopyContext, keepProviderUrlOnly: boolean): Promise<NodeOutputs> {
  const ports = filePorts(entry.outputs).filter((port) => outputs[port.name] !== undefined);
  if (ports.length === 0) return outputs;
  const sources: Record<string, unknown> = {};
  const copies = new Map<string, Promise<string>>();
  const copyOnce = (url: string) => {
    if (!copies.has(url)) copies.set(url, copy(url, ctx));
    return copies.get(url)!;
  };
  const stored: NodeOutputs = { ...outputs };
  for (const { name } of ports) {
    sources[name] = providerUrls(outputs[name]);
    if (!keepProviderUrlOnly) stored[name] = await mapRefs(outputs[name], copyOnce);
  }
  return { ...stored, sources };
}

async function copy(url: string, ctx: CopyContext): Promise<string> {
  try {
    const { bytes, contentType } = await readMedia(url, ctx);
    ctx.signal.throwIfAborted();
    return (await ctx.artifacts.put({ bytes, contentType })).url;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const why = isPipewrightError(error) ? error.message : String(error);
    ctx.log(`Could not copy a provider file into the artifact store (${why}); the output keeps the provider's URL, which expires`);
    return url;
  }
}

/** Inline (data URI) files have no provider URL to keep: the bytes came in the response. */
function providerUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(providerUrls);
  return typeof value === 'string' && value.startsWith('data:') ? null : value;
}
