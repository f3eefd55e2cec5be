import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Which process owns an execution: `<host>/<pid>/<uuid>`, one per dispatcher. Several processes
 * may share a home (`serve`, `pipewright mcp` in Claude Code, `pipewright run wf_…`): each resumes
 * only the executions whose owner is gone, never one another live process is running.
 */
const live = new Set<string>();

export function newOwnerToken(): string {
  const token = `${hostname()}/${process.pid}/${randomUUID()}`;
  live.add(token);
  return token;
}

/** A dispatcher that shut down gives its token up: what it left RUNNING is anyone's to resume. */
export function retireOwnerToken(token: string): void {
  live.delete(token);
}

export function ownerAlive(token: string): boolean {
  const [host, pidText] = token.split('/');
  const pid = Number(pidText);
  // Another machine's process cannot be checked from here: assume it lives (shared stores across
  // hosts are the planned queue's job, docs/architecture.md "Scale-out").
  if (host !== hostname() || !Number.isInteger(pid)) return true;
  if (pid === process.pid) return live.has(token);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
