import {
  type ExecuteAccepted,
  type IdempotencyService,
  type Links,
  type Principal,
  type ScratchExecuteBody,
  type Services,
  accountPrincipal,
} from '../service/index.js';
import type { Backend } from './backend.js';
import { openLocalRuntime, startUp } from './local-services.js';
import { inlineRun } from './scratch.js';

export interface EmbeddedBackendOptions {
  /** `PIPEWRIGHT_HOME`: the store (`pipewright.db`) and run outputs (`artifacts/`). */
  home: string;
  /** The URLs a `pipewright serve` on this home would hand out (`webhookUrl`…). */
  links: Links;
  /** Provider keys and the network allow-lists are read from here (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** The admin key the first start creates (`PIPEWRIGHT_API_KEY`); generated and not shown when absent. */
  apiKey?: string;
  /** The workflow templates imported into the account on first start (the cli passes the bundled ones). */
  templatesDir: string;
}

/**
 * pipewright in this process: the store under `home`, the services over it, and the machine's
 * user acting as the owner of the default account (created on first start) with every scope —
 * as the CLI does, and with the CLI's network policy (local files and private addresses allowed).
 * Executions a dead process left unfinished are resumed. `close` lets running executions reach
 * a stored state, then closes the store.
 */
export async function createEmbeddedBackend(options: EmbeddedBackendOptions): Promise<Backend> {
  const runtime = await openLocalRuntime({ home: options.home, env: options.env ?? process.env, mode: 'cli', settings: { links: options.links } });
  try {
    const { bootstrap } = await startUp(runtime.services, { apiKey: options.apiKey, templatesDir: options.templatesDir });
    const { services, idempotency, close } = runtime;
    return servicesBackend({ services, idempotency, principal: accountPrincipal(bootstrap.accountId), close });
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

export interface ServicesBackendOptions {
  services: Services;
  idempotency: IdempotencyService;
  /** Who every call acts as. */
  principal: Principal;
  /** What `close` releases; nothing when the services outlive this backend (one per HTTP session). */
  close?: () => Promise<void>;
  /** Spends whatever budget a new execution counts against (MCP over HTTP: the account's executions per minute); throws to refuse. */
  beforeExecute?: () => Promise<void>;
}

/** The Backend over services built elsewhere, acting as `principal`: the embedded backend, and the seam for serving MCP beside REST. */
export function servicesBackend({ services, idempotency, principal, close, beforeExecute }: ServicesBackendOptions): Backend {
  const { workflows, executions } = services;
  const once = idempotent(idempotency, principal.accountId);
  return {
    listNodeTypes: async () => services.catalog.nodes().nodes,
    listWorkflows: (query) => workflows.list(principal, query),
    getWorkflow: (id) => workflows.get(principal, id),
    validateWorkflow: async (graph) => workflows.lint(graph),
    saveWorkflow: ({ id, workflow }) => (id === undefined ? workflows.create(principal, workflow) : workflows.replace(principal, id, workflow)),
    deleteWorkflow: (id) => workflows.delete(principal, id),
    estimateWorkflow: (id, body) => executions.estimate(principal, id, body),
    executeWorkflow: (id, body, options) =>
      id === undefined
        ? once(options?.idempotencyKey, { path: 'mcp:execute_workflow/inline', body }, async () => (await beforeExecute?.(), runInline(body)))
        : once(
            options?.idempotencyKey,
            { path: `mcp:execute_workflow/${id}`, body },
            async () => (await beforeExecute?.(), executions.execute(principal, id, body)),
          ),
    pollExecution: (id) => executions.poll(principal, id),
    executionEvents: (id, options = {}) => localEvents(services, principal, id, options),
    getExecution: (id) => executions.detail(principal, id),
    listExecutions: (query) => executions.list(principal, query),
    cancelExecution: (id) => executions.cancel(principal, id),
    retryExecution: async (id) => (await beforeExecute?.(), executions.retry(principal, id)),
    getUsage: () => services.usage.usage(principal),
    readArtifact: (id) => executions.artifact(principal, id),
    artifactFileUrl: (id) => executions.artifactFile(principal, id),
    close: close ?? (async () => {}),
  };

  /**
   * Save, then run: inside the idempotent claim, so a replay saves nothing. A refused run (bad
   * inputs, credits, providers) deletes the scratch workflow it would have run under.
   */
  async function runInline(body: ScratchExecuteBody): Promise<ExecuteAccepted> {
    const { workflow, execute } = inlineRun(body);
    const saved = await workflows.create(principal, workflow);
    try {
      return await executions.execute(principal, saved.workflow.id, execute);
    } catch (error) {
      await workflows.delete(principal, saved.workflow.id).catch(() => undefined);
      throw error;
    }
  }
}

/** The service's stream as a plain iterator; it stops reading when the caller's signal aborts or the caller stops iterating. */
async function* localEvents(services: Services, principal: Principal, id: string, options: { lastEventId?: number; signal?: AbortSignal }) {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    yield* await services.executions.events(principal, id, { after: options.lastEventId ?? 0, signal: stop.signal });
    options.signal?.throwIfAborted();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

/**
 * The REST contract's Idempotency-Key for execute: the same key and request replay the first
 * execution instead of starting another. Only successes are kept; a failure frees the key.
 * Keys live in their own path space, so they never collide with REST requests.
 */
function idempotent(service: IdempotencyService, accountId: string) {
  return async (key: string | undefined, request: { path: string; body: unknown }, run: () => Promise<ExecuteAccepted>): Promise<ExecuteAccepted> => {
    if (key === undefined) return run();
    const begun = await service.begin(accountId, key, { method: 'POST', path: request.path, body: JSON.stringify(request.body ?? null) });
    if (begun.kind === 'replay') return JSON.parse(begun.body) as ExecuteAccepted;
    try {
      const accepted = await run();
      await service.complete(accountId, key, { status: 201, headers: {}, body: JSON.stringify(accepted) }, begun.claim);
      return accepted;
    } catch (error) {
      await service.release(accountId, key, begun.claim);
      throw error;
    }
  };
}
