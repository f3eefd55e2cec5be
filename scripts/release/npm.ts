import { spawn } from 'node:child_process';

export interface NpmResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * npm as a user's shell runs it: the `npm_*` variables of an enclosing `npm run` / `npm test`
 * (the project's package.json, its config, a lifecycle's --global) are left out, or they would
 * change what the npm below does.
 */
export function userShellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name));
  return { ...Object.fromEntries(inherited), ...extra };
}

/** `npm <args>` to completion; refuses a non-zero exit with npm's own output. */
export function npm(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<NpmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, {
      cwd: options.cwd,
      env: options.env ?? userShellEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ code, stdout, stderr });
      else reject(new Error(`npm ${args.join(' ')} exited ${code} in ${options.cwd}:\n${stderr.slice(-4000)}`));
    });
  });
}
