import { bootServer } from '../../src/cli/serve/boot.js';
import { createLogger } from '../../src/cli/serve/logger.js';
import type { PlanLimits } from '../../src/service/index.js';
import { answerParent } from './child-protocol.js';

/**
 * pipewright as `pipewright serve` runs it, in its own process. argv: the temp PIPEWRIGHT_HOME
 * (the bench creates and removes it) and the log level. Every plan's budgets — requests and
 * executions per minute, executions per day — are raised out of reach, not removed: the limiter
 * and the daily-cap count still run on every request, but never answer 429.
 */
export interface PipewrightServerInfo {
  url: string;
  key: string;
}

const UNREACHABLE_BUDGET = 1_000_000_000;
const [home, level = 'warn'] = process.argv.slice(2);
if (home === undefined) throw new Error('usage: server-process.ts <home> [log level]');

const limits: PlanLimits = { requestsPerMinute: UNREACHABLE_BUDGET, executionsPerMinute: UNREACHABLE_BUDGET, executionsPerDay: UNREACHABLE_BUDGET };
const server = await bootServer({
  home,
  host: '127.0.0.1',
  port: 0,
  logger: createLogger({ PIPEWRIGHT_LOG_LEVEL: level }),
  services: { planLimits: { free: limits, starter: limits, pro: limits, enterprise: limits } },
});
if (server.newAdminKey === undefined) throw new Error(`${home} already held an account: the bench needs a fresh home`);
answerParent<PipewrightServerInfo>({ url: server.url, key: server.newAdminKey }, () => server.close());
