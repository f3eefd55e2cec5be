import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface Served {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stdout: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** For afterEach: whatever a test left running is killed. */
export function killServed(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** `pipewright serve --port 0` in a child process, resolved once it logs where it listens. */
export function serve(env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  let stdout = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /"url":"(http:[^"]+)\/api\/v1".*"msg":"listening"/.exec(stderr);
      if (listening) resolve({ child, url: listening[1]!, stderr: () => stderr, stdout: () => stdout, exit });
    });
    void exit.then((code) => reject(new Error(`serve exited ${code} before listening:\n${stderr}`)));
  });
}
