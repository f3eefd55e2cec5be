import type { Logger } from 'pino';
import { EXIT } from '../exit-codes.js';
import { pipewrightHome } from '../home.js';
import { bootServer, type BootedServer } from '../serve/boot.js';
import { createLogger } from '../serve/logger.js';
import { limitFlags } from '../serve/limits.js';
import { artifactUrlTtl, listenAddress, type ServeFlags } from '../serve/options.js';

/** `pipewright serve`: listens until SIGTERM/SIGINT, then lets in-flight requests finish. */
export async function serveRest(flags: ServeFlags): Promise<void> {
  const env = process.env;
  const logger = createLogger(env);
  const ttl = artifactUrlTtl(flags, env);
  const limits = limitFlags(flags);
  const server = await bootServer({
    home: pipewrightHome(env),
    ...listenAddress(flags, env),
    logger,
    ...(env.PIPEWRIGHT_API_KEY !== undefined && { apiKey: env.PIPEWRIGHT_API_KEY }),
    ...(env.PIPEWRIGHT_PUBLIC_URL !== undefined && { publicBaseUrl: env.PIPEWRIGHT_PUBLIC_URL }),
    services: { limits, ...(ttl !== undefined && { artifactUrlTtlSeconds: ttl }) },
    worker: flags.worker !== false,
  });
  if (server.newAdminKey !== undefined) announceKey(server.newAdminKey);
  logger.info({ url: `${server.url}/api/v1`, home: pipewrightHome(env) }, 'listening');
  await shutdownOnSignal(server, logger);
}

/** Once, on stderr: the only time this key is ever shown. */
function announceKey(key: string): void {
  process.stderr.write(
    '\npipewright: first start: created an account and an admin API key.\n' +
      'pipewright: save this key now, it will not be shown again:\n\n' +
      `    ${key}\n\n`,
  );
}

/** Resolves after SIGTERM/SIGINT once in-flight requests and runs finish; a second signal stops at once. */
export function shutdownOnSignal(server: Pick<BootedServer, 'close'>, logger: Logger): Promise<void> {
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
