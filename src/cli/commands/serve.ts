import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, type ServeFlags } from '../serve/options.js';

// The services' DEFAULT_ARTIFACT_URL_TTL_SECONDS, written out: importing the service here would load
// it, the store and every node type at each start of every command (test/cli/serve-help.test.ts
// keeps the two equal).
const DEFAULT_ARTIFACT_URL_TTL_SECONDS = 604_800;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the REST API on the store under PIPEWRIGHT_HOME')
    .option('--port <n>', `port to listen on, 0 for any free one (env PORT; default ${DEFAULT_PORT})`)
    .option('--host <h>', `address to bind (default ${DEFAULT_HOST})`)
    .option(
      '--artifact-url-ttl <seconds>',
      `how long a signed output-file URL opens without a key (env PIPEWRIGHT_ARTIFACT_URL_TTL; default ${DEFAULT_ARTIFACT_URL_TTL_SECONDS}, 7 days)`,
    )
    .option(
      '--requests-per-minute <n>',
      'requests per minute per key, for every account: a number above 0 or "unlimited" (env PIPEWRIGHT_REQUESTS_PER_MINUTE; default: the plan\'s, pro 60)',
    )
    .option('--executions-per-minute <n>', 'executions per minute per account, for every account (env PIPEWRIGHT_EXECUTIONS_PER_MINUTE; default 10)')
    .option(
      '--executions-per-day <n>',
      "executions per UTC day per account, for every account (env PIPEWRIGHT_EXECUTIONS_PER_DAY; default: the plan's, pro 1000)",
    )
    .option('--no-worker', 'serve the API only: admitted executions stay QUEUED for a `pipewright worker` on the same store')
    .action(async (flags: ServeFlags) => (await import('./serve-action.js')).serveRest(flags));
}
