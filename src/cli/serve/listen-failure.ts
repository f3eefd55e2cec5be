import { PipewrightError } from '../../errors/index.js';

/** Why Node refused to listen, in the operator's terms, with what to do (Node's `listen()` error codes). */
const REASONS: Record<string, (host: string, port: number) => string> = {
  EADDRINUSE: (host, port) =>
    `Port ${port} on ${host} is already in use, by another pipewright serve or another program. ` +
    'Start on another port with --port <n> (or PORT), or stop the process that holds it.',
  EACCES: (host, port) => `Not allowed to listen on port ${port} on ${host}: ports below 1024 need privileges. Use --port 1024 or above.`,
  EADDRNOTAVAIL: (host) =>
    `${host} is not an address of this machine. Use --host 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one of its addresses.`,
  ENOTFOUND: (host) => `The host ${host} does not resolve. Use --host 127.0.0.1, 0.0.0.0 or an address of this machine.`,
};

/** A failure to listen on `host:port` as a `listen_failed` error saying what to do; any other error unchanged. */
export function listenFailure(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  return reason ? new PipewrightError('listen_failed', reason(host, port), { cause: error }) : error;
}
