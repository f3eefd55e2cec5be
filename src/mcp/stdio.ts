import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Backend } from '../backend/index.js';
import { createServer } from './server.js';

export interface StdioOptions {
  backend: Backend;
  version: string;
  stdin?: Readable;
  stdout?: Writable;
  /** The workflow templates to serve as resources (see CreateServerOptions); the cli passes the bundled ones. */
  templatesDir: string;
  /** Where the runs' server is reached, for run viewer links (see CreateServerOptions). */
  viewerServerUrl?: string;
  onError?: (error: Error) => void;
}

export interface StdioSession {
  /** Resolves once the session has ended and the backend is closed. */
  closed: Promise<void>;
  /** Ends the session (SIGTERM): stops the server, lets tools finish their way out, closes the backend. */
  close(): Promise<void>;
}

/**
 * MCP over stdin/stdout. stdout carries protocol messages only, so the caller must route every
 * log to stderr. The session ends when stdin ends (the client went away) or on `close()`.
 */
export async function serveStdio(options: StdioOptions): Promise<StdioSession> {
  const stdin = options.stdin ?? process.stdin;
  const { server, cleanup } = createServer({
    backend: options.backend,
    version: options.version,
    templatesDir: options.templatesDir,
    ...(options.viewerServerUrl !== undefined && { viewerServerUrl: options.viewerServerUrl }),
    ...(options.onError !== undefined && { onError: options.onError }),
  });
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  stdin.once('end', stop).once('close', stop);
  const closed = stopped.then(async () => {
    stdin.off('end', stop).off('close', stop);
    await server.close();
    await cleanup();
    await options.backend.close();
  });
  await server.connect(new StdioServerTransport(stdin, options.stdout ?? process.stdout));
  return {
    closed,
    close: () => {
      stop();
      return closed;
    },
  };
}

/**
 * Anything a dependency prints through `console.log` would corrupt the protocol stream; stderr
 * is the client's log.
 */
export function routeConsoleToStderr(): void {
  for (const method of ['log', 'info', 'debug'] as const) console[method] = console.error;
}
