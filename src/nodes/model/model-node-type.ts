import { z } from 'zod';
import type { PortSpec } from '../../graph/index.js';
import type { NodeContext, NodeOutputs } from '../node-type.js';
import type { ModelEntry } from './catalog/entry.js';
import { filePorts } from './media-ports.js';
import type { ModelNodeType } from './model-entry-of.js';
import { providerNotConfigured, type Providers } from './not-configured.js';
import { dryRunOutputs } from './placeholders.js';
import { providerInputs } from './provider-inputs.js';
import { storeOutputs } from './store-outputs.js';
import type { UploadMemo } from './upload-memo.js';

const sourcesPort: PortSpec = {
  name: 'sources',
  type: 'json',
  description: "The provider's own URL for each file port, before the copy into the artifact store (they expire); null for files sent inline.",
};

const keepProviderUrlOnly = z
  .boolean()
  .default(false)
  .describe("Skip copying output files into the artifact store; ports carry the provider's URLs, which expire.");

/**
 * One catalog entry as a node type: its params are the node's settings, its ports the node's
 * ports, and `run` is always the same — call the entry's provider, read the documented output,
 * copy the files home. `uploads` is shared by every model node type, so a file is uploaded once per execution.
 */
export function modelNodeType(entry: ModelEntry, providers: Providers, uploads: UploadMemo): ModelNodeType {
  const config = (entry.params as unknown as z.ZodObject).extend({ keepProviderUrlOnly }) as unknown as z.ZodType<Record<string, unknown>>;
  const paramsOf = ({ keepProviderUrlOnly: _skip, ...params }: Record<string, unknown>) => params;
  const hasFiles = filePorts(entry.outputs).length > 0;
  return {
    model: entry,
    nodeType: entry.nodeType,
    label: entry.label,
    category: 'model',
    description: entry.description,
    inputs: entry.inputs,
    outputs: hasFiles ? [...entry.outputs, sourcesPort] : entry.outputs,
    config,
    cost: (settings) => entry.cost(paramsOf(settings)),
    timeoutMs: entry.timeoutMs,
    // The adapters already retry transport failures; a node retry submits (and pays for) a new job.
    maxRetries: entry.kind === 'llm' ? 2 : 1,
    cacheable: true,
    async run(ctx) {
      return runModel(entry, { providers, uploads }, ctx, paramsOf(ctx.settings));
    },
    async dryRun(ctx) {
      const outputs = await dryRunOutputs(entry, ctx);
      return hasFiles ? { ...outputs, sources: {} } : outputs;
    },
  };
}

async function runModel(
  entry: ModelEntry,
  { providers, uploads }: { providers: Providers; uploads: UploadMemo },
  ctx: NodeContext,
  params: Record<string, unknown>,
): Promise<NodeOutputs> {
  const adapter = providers.get(entry.provider);
  if (!adapter?.configured()) throw providerNotConfigured(entry.nodeType, entry.provider, adapter?.requiredEnv ?? []);
  const inputs = await providerInputs(entry, { adapter, uploads }, ctx);
  const result = await adapter.call(
    { endpoint: entry.endpointFor?.(params) ?? entry.endpoint, input: entry.toInput(inputs, params) },
    {
      signal: ctx.signal,
      ...(ctx.providerJob.previousId === undefined ? {} : { previousJobId: ctx.providerJob.previousId }),
      rememberJob: ctx.providerJob.remember,
      progress: ctx.progress,
      log: ctx.log,
    },
  );
  return storeOutputs(entry, entry.fromOutput(result.output), ctx, ctx.settings.keepProviderUrlOnly === true);
}
