import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type ErrorCode as PipewrightErrorCode, type PipewrightError, publicError, type WithheldCode, withheldCode } from '../errors/index.js';
import { toolErrorResult } from './tool-result.js';

interface Issue {
  rule?: string;
  message?: string;
  fix?: string;
  nodeId?: string;
  edgeId?: string;
  path?: unknown[];
}

type Advice = (error: PipewrightError) => string[];

const waitThenCall: Advice = (error) => [`Wait ${String(error.details.retryAfter ?? 'a few')} seconds, then call again.`];

/**
 * What the model should do next, per code. The message says what went wrong; these lines say
 * how to change the call. Codes not listed get the message alone.
 */
const ADVICE: Partial<Record<PipewrightErrorCode, Advice>> = {
  invalid_graph: (error) => [
    ...issueLines(error.details.violations, 'error'),
    ...issueLines(error.details.warnings, 'warning'),
    'Fix the graph (each error has its fix), check it with validate_workflow, then call again.',
  ],
  invalid_body: (error) => [...issueLines(error.details.issues, 'invalid'), 'Correct the fields named above and call again.'],
  insufficient_credits: (error) => [
    `Needs ${creditCount(error.details.requiredCredits)}; ${String(error.details.availableCredits)} available.`,
    ...list(error.details.breakdown).map((row) => {
      const { nodeId, nodeLabel, credits } = row as { nodeId?: string; nodeLabel?: string; credits?: number };
      return `- ${nodeId ?? '?'}${nodeLabel ? ` (${nodeLabel})` : ''}: ${creditCount(credits)}`;
    }),
    'Run with dryRun: true (0 credits) to check the wiring, use cheaper node types (list_node_types shows costs), or check the balance with get_usage.',
  ],
  provider_not_configured: (error) => [
    `Set ${providerEnv(error)} in the environment of the pipewright MCP server (the "env" of its entry in the MCP client config) and restart it.`,
    'Meanwhile, dryRun: true runs the workflow with placeholder outputs and no provider.',
  ],
  not_found: () => ['Check the id: list_workflows, list_node_types and get_execution show what exists.'],
  stale_write: (error) => [
    `The workflow changed since your copy (now ${String(error.details.currentUpdatedAt)}). Call get_workflow, reapply your change, and send its updatedAt as baseUpdatedAt.`,
  ],
  not_cancellable: () => ['The execution already finished; poll_execution shows its final state.'],
  workflow_inactive: () => ['Set isActive: true with save_workflow first, or run another workflow.'],
  rate_limited: waitThenCall,
  store_busy: waitThenCall,
  missing_scope: (error) => [`The API key this server uses lacks the ${String(error.details.requiredScope)} scope; ask the operator for a key that has it.`],
  idempotency_key_reused: () => ['This idempotencyKey was used for a different request; send a new key.'],
  idempotency_key_in_use: () => ['The first request with this idempotencyKey is still running; poll or wait, then call again.'],
};

/** What stands in for a withheld message: a bug is `internal`, an operational fault `unavailable`. */
const WITHHELD: Record<WithheldCode, string> = {
  internal: 'pipewright failed unexpectedly. The server log has the details; try again or report it.',
  unavailable:
    'pipewright could not complete the call for a reason outside it (storage, network, a provider). The server log has the details; try again shortly.',
};

/**
 * The one place an error becomes a tool result, by the rule REST follows too (publicError): the
 * caller's own mistake keeps its message, plus advice for the next call; an operational fault
 * (`store_unavailable`, `media_read_failed`, …) and a bug never show theirs.
 */
export function errorResult(error: unknown): CallToolResult {
  const shown = publicError(error);
  if (shown === undefined) {
    const code = withheldCode(error);
    return toolErrorResult(`error ${code}: ${WITHHELD[code]}`);
  }
  const advice = ADVICE[shown.code]?.(shown) ?? [];
  const result = toolErrorResult([`error ${shown.code}: ${shown.message}`, ...advice].join('\n'));
  // When to call again, for programs, in `_meta`: not in structuredContent, which SDK 1.x clients
  // check against the tool's output schema even on an error result, and would then throw.
  const { retryAfter } = shown.details;
  return typeof retryAfter === 'number' ? { ...result, _meta: { retryAfter } } : result;
}

/**
 * The same rule for resources and prompts, whose failures are protocol errors rather than tool
 * results: the caller's mistakes are invalid params with the message, anything else is an
 * internal error, its message withheld unless publicError allows it.
 */
export function protocolError(error: unknown): McpError {
  const shown = publicError(error);
  if (shown === undefined) {
    const code = withheldCode(error);
    return new McpError(ErrorCode.InternalError, `${code}: ${WITHHELD[code]}`);
  }
  return new McpError(shown.kind === 'user' ? ErrorCode.InvalidParams : ErrorCode.InternalError, `${shown.code}: ${shown.message}`);
}

function issueLines(value: unknown, label: string): string[] {
  return list(value).map((raw) => {
    const issue = raw as Issue;
    const where = issue.nodeId ? ` node ${issue.nodeId}` : issue.edgeId ? ` edge ${issue.edgeId}` : issue.path?.length ? ` at ${issue.path.join('.')}` : '';
    const rule = issue.rule ? ` [${issue.rule}]` : '';
    return `- ${label}${rule}${where}: ${issue.message ?? ''}${issue.fix ? ` Fix: ${issue.fix}` : ''}`;
  });
}

/** `FAL_KEY`, or per provider when several are missing: `fal: FAL_KEY; replicate: REPLICATE_API_TOKEN`. */
function providerEnv(error: PipewrightError): string {
  const providers = list(error.details.providers).map((p) => p as { provider?: string; env?: unknown });
  const needs = providers.length > 0 ? providers : [{ provider: String(error.details.provider ?? ''), env: error.details.env }];
  const text = needs.map(({ provider, env }) => {
    const names = list(env).map(String);
    const which = names.length === 0 ? 'its API key' : names.join(' or ');
    return needs.length > 1 ? `${provider}: ${which}` : which;
  });
  return text.join('; ');
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function creditCount(credits: unknown): string {
  return `${String(credits)} credit${credits === 1 ? '' : 's'}`;
}
