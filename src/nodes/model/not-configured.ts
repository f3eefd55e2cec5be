import { PipewrightError } from '../../errors/index.js';
import type { NodeCatalog, Violation } from '../../graph/index.js';
import type { ProviderAdapter, ProviderId } from '../../providers/index.js';
import { modelEntryOf } from './model-entry-of.js';

export type Providers = ReadonlyMap<ProviderId, ProviderAdapter>;

/** A node's provider, when it has one that is not configured here. */
export interface MissingProvider {
  nodeId: string;
  nodeType: string;
  provider: ProviderId;
  /** Any one of these configures it. */
  env: readonly string[];
}

/** A compiled graph, or a workflow as sent (`data.nodeType`): validation warns before it compiles. */
type GraphNodes = { nodes: readonly { id: string }[] };

/**
 * Model nodes whose provider has no credentials here. Pure over the graph and the registry, so
 * a face can call it at validation time (warnings) and before executing (refusal); a dry run
 * never needs it.
 */
export function missingProviders(graph: GraphNodes, registry: NodeCatalog, providers: Providers): MissingProvider[] {
  return graph.nodes.flatMap((node): MissingProvider[] => {
    const nodeType = nodeTypeOf(node);
    const entry = modelEntryOf(registry.get(nodeType));
    if (!entry) return [];
    const adapter = providers.get(entry.provider);
    if (adapter?.configured()) return [];
    return [{ nodeId: node.id, nodeType, provider: entry.provider, env: adapter?.requiredEnv ?? [] }];
  });
}

/** Validation-time warnings in the validator's shape (rule `provider-not-configured`), one per node. */
export function providerWarnings(missing: readonly MissingProvider[]): Violation<'provider-not-configured'>[] {
  return missing.map((m) => ({
    rule: 'provider-not-configured',
    message: `Node "${m.nodeId}" (${m.nodeType}) runs on ${m.provider}, which is not configured: ${howToConfigure(m.env)}`,
    fix: `${howToConfigure(m.env)}, or run with dryRun to check the wiring without a key`,
    nodeId: m.nodeId,
  }));
}

/** Refuses before anything runs (and before anything is paid for) when a model node has no provider. */
export function assertProvidersConfigured(graph: GraphNodes, registry: NodeCatalog, providers: Providers): void {
  const missing = missingProviders(graph, registry, providers);
  if (missing.length === 0) return;
  const byProvider = new Map(missing.map((m) => [m.provider, m]));
  const what = [...byProvider.values()].map((m) => `${m.provider} (${howToConfigure(m.env)})`).join('; ');
  throw new PipewrightError('provider_not_configured', `This workflow needs providers that are not configured: ${what}`, {
    details: { providers: [...byProvider.values()].map(({ provider, env }) => ({ provider, env })), nodes: missing.map((m) => m.nodeId) },
  });
}

/** The error a model node itself fails with when run without its provider. */
export function providerNotConfigured(nodeType: string, provider: ProviderId, env: readonly string[]): PipewrightError {
  return new PipewrightError('provider_not_configured', `${nodeType} runs on ${provider}, which is not configured: ${howToConfigure(env)}`, {
    details: { provider, env },
  });
}

function nodeTypeOf(node: { id: string }): string {
  const { nodeType, data } = node as { nodeType?: unknown; data?: { nodeType?: unknown } };
  return String(nodeType ?? data?.nodeType ?? '');
}

function howToConfigure(env: readonly string[]): string {
  if (env.length === 0) return 'this installation has no adapter for it';
  return env.length === 1 ? `set ${env[0]}` : `set one of ${env.join(', ')}`;
}
