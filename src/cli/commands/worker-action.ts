import { restLinks } from '../../api/index.js';
import { openLocalRuntime } from '../../backend/index.js';
import { PipewrightError } from '../../errors/index.js';
import { pipewrightHome } from '../home.js';
import { createLogger } from '../serve/logger.js';
import { localPublicUrl } from '../serve/options.js';
import { shutdownOnSignal } from './serve-action.js';

/**
 * `pipewright worker`: serves no requests; claims from the store the executions an API process
 * (`serve --no-worker`) admitted and those whose owner's lease ended, runs them, and renews their
 * leases until SIGTERM/SIGINT (docs/executions.md, "Resume after a crash").
 */
export async function runWorker(flags: { concurrency?: string }): Promise<void> {
  const env = process.env;
  const logger = createLogger(env);
  const home = pipewrightHome(env);
  const concurrency = flags.concurrency === undefined ? undefined : parseConcurrency(flags.concurrency);
  const runtime = await openLocalRuntime({
    home,
    env,
    mode: 'server',
    // The links a run's outputs carry are the API's: PIPEWRIGHT_PUBLIC_URL, else the default address.
    settings: { links: restLinks(localPublicUrl(env)) },
    runs: 'worker',
    ...(concurrency !== undefined && { concurrency }),
    onExecutionError: (err, executionId) => logger.error({ err, executionId }, 'execution stopped on a fault'),
    onBackgroundError: (err) => logger.error({ err }, 'background database work failed, retrying'),
  });
  const resumed = await runtime.services.executions.resumeUnfinished();
  logger.info({ home, resumed, ...(concurrency !== undefined && { concurrency }) }, 'worker running');
  // The claim and lease timers do not hold the process open by themselves; this does, until a signal.
  const alive = setInterval(() => {}, 2 ** 30);
  try {
    await shutdownOnSignal(runtime, logger);
  } finally {
    clearInterval(alive);
  }
}

function parseConcurrency(raw: string): number {
  if (!/^[1-9][0-9]{0,4}$/.test(raw.trim())) {
    throw new PipewrightError('invalid_field', `--concurrency must be a whole number from 1 to 99999, got "${raw}"`, { details: { field: 'concurrency' } });
  }
  return Number(raw.trim());
}
