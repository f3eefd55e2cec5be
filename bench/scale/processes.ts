import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Defer } from '../support/scope.js';

/** The built CLI: the bench runs what ships, as an operator starts it (`npm run build` first). */
const BUILT_CLI = fileURLToPath(new URL('../../dist/bin/pipewright.js', import.meta.url));

/** A started `pipewright` process, stopped (SIGTERM, then SIGKILL) when the scope ends. */
function startCli(defer: Defer, args: string[], env: Record<string, string>, ready: RegExp): Promise<RegExpExecArray> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} does not exist: run \`npm run build\` before \`npm run bench -- scale\``);
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  defer(() => stop(child));
  let stderr = '';
  let started = false;
  return new Promise((resolve, reject) => {
    // Read to its end, but kept only until ready: at log level info every request adds a line.
    child.stderr!.on('data', (chunk: Buffer) => {
      if (started) return;
      stderr += chunk.toString();
      const match = ready.exec(stderr);
      started = match !== null;
      if (match) resolve(match);
    });
    child.on('close', (code) => reject(new Error(`pipewright ${args.join(' ')} exited ${code} before it was ready:\n${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('close', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** `pipewright serve --port 0 [args]`; its base URL once it listens. */
export async function startServe(defer: Defer, env: Record<string, string>, args: string[] = []): Promise<string> {
  const [, url] = await startCli(defer, ['serve', '--port', '0', ...args], env, /"url":"(http:[^"]+)\/api\/v1".*"msg":"listening"/);
  return url!;
}

/** `pipewright worker [args]`, once it runs. */
export async function startWorker(defer: Defer, env: Record<string, string>, args: string[] = []): Promise<void> {
  await startCli(defer, ['worker', ...args], env, /"msg":"worker running"/);
}
