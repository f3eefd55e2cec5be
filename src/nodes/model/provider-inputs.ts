import { extensionFor } from '../../artifacts/index.js';
import type { ProviderAdapter } from '../../providers/index.js';
import type { NodeContext } from '../node-type.js';
import { readMedia } from '../io/media.js';
import type { ModelEntry } from './catalog/entry.js';
import { inlineDataUri } from './inline-files.js';
import { filePorts, mapRefs } from './media-ports.js';
import type { UploadMemo } from './upload-memo.js';

const PUBLIC_URL = /^https?:\/\//i;

type FileContext = Pick<NodeContext, 'executionId' | 'inputs' | 'artifacts' | 'policy' | 'signal'>;

/** What reaches the provider's files: the node's adapter, and the uploads its execution already made. */
export interface ProviderFiles {
  adapter: ProviderAdapter;
  uploads: UploadMemo;
}

/**
 * Input values as a provider can read them (docs/providers.md, "Files"). A public http(s) URL goes
 * as is: the provider fetches it. Our own artifacts, local files and data URIs go to the provider's
 * storage where its adapter uploads (fal, Replicate), an artifact once per execution; elsewhere
 * (OpenAI, Anthropic) inline as a data URI, refused above the provider's documented size. Local
 * files are read under the run's policy, so server mode still refuses them.
 */
export async function providerInputs(entry: ModelEntry, files: ProviderFiles, ctx: FileContext): Promise<Record<string, unknown>> {
  const inputs = { ...ctx.inputs };
  for (const port of filePorts(entry.inputs)) {
    inputs[port.name] = await mapRefs(inputs[port.name], (ref) => providerRef(ref, files, ctx));
  }
  return inputs;
}

async function providerRef(ref: string, { adapter, uploads }: ProviderFiles, ctx: FileContext): Promise<string> {
  const artifactId = ctx.artifacts.idFromUrl(ref);
  if (artifactId === undefined && PUBLIC_URL.test(ref)) return ref;
  const read = () => readMedia(ref, { artifacts: ctx.artifacts, policy: ctx.policy, signal: ctx.signal });
  const upload = adapter.upload?.bind(adapter);
  if (!upload) return inlineDataUri(adapter.id, await read());
  const send = async (signal: AbortSignal) => {
    const media = await read();
    return upload({ ...media, fileName: `${artifactId ?? 'input'}.${extensionFor(media.contentType)}` }, signal);
  };
  return artifactId === undefined ? send(ctx.signal) : uploads.once(ctx.executionId, `${adapter.id}:${artifactId}`, send, ctx.signal);
}
