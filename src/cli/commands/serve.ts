import type { Command } from 'commander';
import type { Logger } from 'pino';
import { EXIT } from '../exit-codes.js';
import { pipewrightHome } from '../runtime.js';
import { bootServer, type BootedServer } from '../serve/boot.js';
import { createLogger } from '../serve/logger.js';
import { DEFAULT_HOST, DEFAULT_PORT, listenAddress, type ServeFlags } from '../serve/options.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the REST API on the store under PIPEWRIGHT_HOME')
    .option('--port <n>', `port to listen on, 0 for any free one (env PORT; default ${DEFAULT_PORT})`)
    .option('--host <h>', `address to bind (default ${DEFAULT_HOST})`)
    .action(async (flags: ServeFlags) => {
      const env = process.env;
      const logger = createLogger(env);
      const server = await bootServer({
        home: pipewrightHome(env),
        ...listenAddress(flags, env),
        logger,
        ...(env.PIPEWRIGHT_API_KEY !== undefined && { apiKey: env.PIPEWRIGHT_API_KEY }),
        ...(env.PIPEWRIGHT_PUBLIC_URL !== undefined && { publicBaseUrl: env.PIPEWRIGHT_PUBLIC_URL }),
      });
      if (server.newAdminKey !== undefined) announceKey(server.newAdminKey);
      logger.info({ url: `${server.url}/api/v1`, home: pipewrightHome(env) }, 'listening');
      await shutdownOnSignal(server, logger);
    });
}

/** Once, on stderr: the only time this key is ever shown. */
function announceKey(key: string): void {
  process.stderr.write(
    '\npipewright: first start: created an account and an admin API key.\n' +
      'pipewright: save this key now, it will not be shown again:\n\n' +
      `    ${key}\n\n`,
  );
}

/** Resolves after SIGTERM/SIGINT once in-flight requests finish; a second signal stops at once. */
function shutdownOnSignal(server: BootedServer, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(EXIT.interrupted);
      stopping = true;
      logger.info({ signal }, 'shutting down');
      server.close().then(() => {
        process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
        logger.info('stopped');
        resolve();
      }, reject);
    };
    process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  });
}
