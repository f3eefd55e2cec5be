import { fork, type ChildProcess } from 'node:child_process';
import type { ChildMessage, ParentMessage } from './child-protocol.js';

export interface ProcessUsage {
  /** CPU time the child has used so far, in milliseconds. */
  cpuMs: number;
  /** Its resident set size now, in bytes. */
  rssBytes: number;
}

export interface ChildServer<T> {
  info: T;
  usage(): Promise<ProcessUsage>;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  stop(): Promise<void>;
}

export interface ForkOptions {
  entry: URL;
  args?: string[];
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Added to the bench's own environment. */
  env?: NodeJS.ProcessEnv;
}

/** Booting under tsx takes a few seconds on a busy machine; a usage query, far less. */
const MESSAGE_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/**
 * A server in its own process, so that it and autocannon each get a core instead of sharing one
 * event loop. Its stdout goes to our stderr: stdout is reserved for `--json`.
 */
export async function forkServer<T>({ entry, args = [], nodeFlags = [], env = {} }: ForkOptions): Promise<ChildServer<T>> {
  const child = fork(entry, args, { execArgv: ['--import', 'tsx', ...nodeFlags], stdio: ['ignore', 2, 2, 'ipc'], env: { ...process.env, ...env } });
  try {
    const { info } = await nextMessage<T, 'ready'>(child, 'ready');
    return {
      info,
      async usage() {
        const reply = nextMessage<T, 'usage'>(child, 'usage');
        child.send({ type: 'usage' } satisfies ParentMessage);
        const { cpuMicros, rssBytes } = await reply;
        return { cpuMs: cpuMicros / 1000, rssBytes };
      },
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

type MessageOf<T, K> = Extract<ChildMessage<T>, { type: K }>;

function nextMessage<T, K extends ChildMessage<T>['type']>(child: ChildProcess, type: K): Promise<MessageOf<T, K>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => settle(new Error(`no '${type}' message from ${child.spawnargs.join(' ')} within ${MESSAGE_TIMEOUT_MS} ms`)),
      MESSAGE_TIMEOUT_MS,
    );
    const onMessage = (message: ChildMessage<T>) => {
      if (message.type === type) settle(undefined, message as MessageOf<T, K>);
    };
    const onExit = (code: number | null, signal: string | null) =>
      settle(new Error(`${child.spawnargs.join(' ')} exited (code ${code}, signal ${signal}) before sending '${type}'`));
    const settle = (error?: Error, message?: MessageOf<T, K>) => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    };
    child.on('message', onMessage).on('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
