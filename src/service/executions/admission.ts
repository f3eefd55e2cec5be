import { PipewrightError } from '../../errors/index.js';
import { newExecutionId } from '../../engine/index.js';
import { ownValue } from '../../graph/index.js';
import type { AccountRecord, ExecutionOptions, ExecutionRecord, ExecutionTrigger, NodeRunRecord, Repositories } from '../../store/index.js';
import type { Plan } from '../principal.js';
import { checkCallbackUrl, recordDeliveries } from '../callbacks/index.js';
import { assertProvidersConfigured } from '../../nodes/index.js';
import { limitsFor } from '../settings.js';
import { dailyCapReached, startOfUtcDay } from './daily-cap.js';
import type { ExecutionDeps } from './deps.js';
import { estimateRun, type Estimate } from './estimate.js';
import type { PreparedRun } from './prepare.js';

export interface RunRequest {
  inputs: Record<string, unknown>;
  options: ExecutionOptions;
  trigger: ExecutionTrigger;
  batchId?: string;
  retryOf?: string;
}

export interface Admission {
  accountId: string;
  prepared: PreparedRun;
  /** One or more runs of the same graph and options (a batch differs only in inputs). */
  runs: RunRequest[];
  /** Completed node states kept from another execution (retry); they are neither run nor charged again. */
  reuse?: Record<string, NodeRunRecord>;
  /** Called once every check has passed, before anything is recorded; what it throws refuses the runs. */
  beforeRecord?: () => Promise<void>;
  /** Where to POST when each run ends (docs/events.md, "Completion callbacks"); checked against the network rules first. */
  callbackUrl?: string | undefined;
}

/**
 * The gate every new execution passes, in one transaction so concurrent requests cannot slip
 * past a limit together: the estimate of every run must fit what is available — the balance less
 * what runs already accepted may still spend (402) — and the whole batch must fit the plan's daily
 * cap (429); then every run is recorded QUEUED with its node rows and its estimate, which holds
 * that much back from the next admission until the run finishes, with its completion callback if it
 * asked for one, and only after the commit handed to the queue. Nothing is recorded when any check fails.
 */
export async function admit(deps: ExecutionDeps, admission: Admission): Promise<ExecutionRecord[]> {
  const { options } = admission.runs[0]!;
  const reused = new Set(Object.keys(admission.reuse ?? {}));
  const estimate = estimateRun(admission.prepared.graph, deps.registry, { targetNodeId: options.targetNodeId, dryRun: options.dryRun, reused });
  if (options.dryRun !== true && deps.providers !== undefined) {
    const running = new Set(estimate.breakdown.map((line) => line.nodeId));
    const nodes = admission.prepared.graph.nodes.filter((node) => running.has(node.id));
    assertProvidersConfigured({ nodes }, deps.registry, deps.providers);
  }
  await checkCallbackUrl(admission.callbackUrl, deps.policy);
  const records = await deps.store.transaction(async (tx) => {
    await checkLimits(deps, tx, admission, estimate);
    await admission.beforeRecord?.();
    const nodes = initialNodes(admission);
    const created = await Promise.all(
      admission.runs.map((run) =>
        tx.executions.create(newExecutionId(), { ...newExecution(admission, run), estimatedCredits: estimate.credits, ...deps.dispatcher.admitAs() }, nodes),
      ),
    );
    await recordDeliveries(tx, admission.callbackUrl, created);
    return created;
  });
  // Never rejects: the runs are admitted once committed, and one the queue refused is handed out later.
  for (const record of records) await deps.dispatcher.enqueue(record.id);
  return records;
}

/** What a run is admitted against: the account's balance less what runs in progress may still spend. */
export async function availableCredits(
  repos: Pick<Repositories, 'accounts' | 'executions'>,
  accountId: string,
): Promise<{ account: AccountRecord; available: number }> {
  const account = await repos.accounts.get(accountId);
  if (account === undefined) throw new PipewrightError('not_found', 'No such account');
  return { account, available: account.creditsBalance - (await repos.executions.outstandingCredits(account.id)) };
}

async function checkLimits(deps: ExecutionDeps, tx: Repositories, admission: Admission, estimate: Estimate): Promise<void> {
  const { account, available } = await availableCredits(tx, admission.accountId);
  const required = estimate.credits * admission.runs.length;
  if (required > available) throw insufficientCredits(required, available, estimate);
  const cap = limitsFor(deps.settings, account.plan as Plan).executionsPerDay;
  if (cap === null) return;
  const now = deps.now();
  const used = await tx.executions.countSince(account.id, startOfUtcDay(now));
  if (used + admission.runs.length > cap) throw dailyCapReached({ now, cap, used, wanted: admission.runs.length });
}

function insufficientCredits(required: number, available: number, estimate: Estimate): PipewrightError {
  return new PipewrightError(
    'insufficient_credits',
    `This run needs ${required} credit${required === 1 ? '' : 's'}; ${available} are available (the balance less what runs in progress may still spend)`,
    {
      details: {
        insufficientCredits: true,
        requiredCredits: required,
        availableCredits: available,
        breakdown: estimate.breakdown.filter((line) => line.credits > 0).map(({ nodeId, nodeLabel, credits }) => ({ nodeId, nodeLabel, credits })),
      },
    },
  );
}

/** PENDING rows in graph order; a reused node is stored COMPLETED, cached and free (it was paid for where it ran). */
function initialNodes(admission: Admission): NodeRunRecord[] {
  return admission.prepared.graph.nodes.map((node) => {
    const reused = ownValue(admission.reuse, node.id);
    if (reused !== undefined) return { ...reused, credits: 0, cached: true };
    return { nodeId: node.id, nodeType: node.nodeType, label: node.label, status: 'PENDING', attempts: 0, credits: 0, cached: false, logs: [] };
  });
}

function newExecution(admission: Admission, run: RunRequest) {
  const { prepared } = admission;
  return {
    accountId: admission.accountId,
    workflowId: prepared.workflow.id,
    workflowVersion: prepared.version,
    inputs: run.inputs,
    options: prepared.inline === undefined ? run.options : { ...run.options, graph: prepared.inline },
    trigger: run.trigger,
    batchId: run.batchId ?? null,
    retryOf: run.retryOf ?? null,
  };
}
