import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `npm install` puts on a user's PATH as `pipewright`: the bundle, not the sources. */
export const BUILT_CLI = fileURLToPath(new URL('../../dist/bin/pipewright.js', import.meta.url));
const SOURCES = fileURLToPath(new URL('../../src', import.meta.url));

/**
 * Refuses to test a bundle older than the sources: a green run against a stale dist/ would prove
 * nothing about what ships. `npm test` builds first, so only a bare `vitest` can meet this.
 */
export function assertFreshBuild(): void {
  let built: number;
  try {
    built = statSync(BUILT_CLI).mtimeMs;
  } catch {
    throw new Error(`${BUILT_CLI} does not exist: run \`npm run build\` before the end-to-end tests`);
  }
  const newer = newestSource(SOURCES);
  if (newer.mtimeMs > built) throw new Error(`dist/ is stale (${newer.path} changed after the last build): run \`npm run build\``);
}

function newestSource(dir: string): { path: string; mtimeMs: number } {
  let newest = { path: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(path) : { path, mtimeMs: statSync(path).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Settings of the developer's own shell that would change what the CLI does: only a test's own reach it. */
const OWN_SETUP = /^(PIPEWRIGHT_|FAL_|REPLICATE_|OPENAI_|OPENROUTER_|ANTHROPIC_|OLLAMA_|NODE_OPTIONS$|PORT$|VITEST)/;

export function userEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !OWN_SETUP.test(name));
  return { ...Object.fromEntries(inherited), ...env };
}

let checked = false;

export function spawnBuilt(args: string[], env: Record<string, string>): ChildProcess {
  if (!checked) assertFreshBuild();
  checked = true;
  return spawn(process.execPath, [BUILT_CLI, ...args], { env: userEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** `pipewright <args>` to completion, stdin closed. */
export function runBuilt(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnBuilt(args, env);
    child.stdin!.end();
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface BuiltServer {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`, without `/api/v1`. */
  url: string;
  stderr(): string;
  stdout(): string;
  /** The exit code once it has exited. */
  exit: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

const servers: ChildProcess[] = [];

/** For afterEach: whatever a test left running is killed. */
export function killServed(): void {
  for (const child of servers.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** `pipewright serve --port 0 [args]`, resolved once it logs where it listens. */
export function serveBuilt(env: Record<string, string>, args: string[] = []): Promise<BuiltServer> {
  const child = spawnBuilt(['serve', '--port', '0', ...args], env);
  child.stdin!.end();
  servers.push(child);
  let stderr = '';
  let stdout = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exit;
  };
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /"url":"(http:[^"]+)\/api\/v1".*"msg":"listening"/.exec(stderr);
      if (listening) resolve({ child, url: listening[1]!, stderr: () => stderr, stdout: () => stdout, exit, stop });
    });
    void exit.then((code) => reject(new Error(`pipewright serve exited ${code} before listening:\n${stderr}`)));
  });
}
