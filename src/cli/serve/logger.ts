import pino, { type Logger } from 'pino';

/**
 * Structured logs go to stderr, synchronously, never stdout: stdout belongs to command output
 * (and to the MCP stdio protocol). `PIPEWRIGHT_LOG_LEVEL` (default info) tunes the volume.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ level: env.PIPEWRIGHT_LOG_LEVEL ?? 'info', base: { service: 'pipewright' } }, pino.destination({ dest: 2, sync: true }));
}
