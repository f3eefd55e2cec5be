/**
 * What a workflow may reach (docs/security.md). A workflow is data from a possibly untrusted caller:
 * in server mode it may not read the server's disk or its internal network unless the operator
 * said so; the CLI and stdio MCP, run by the user on their own machine, allow both.
 */
export interface SecurityPolicy {
  allowLocalFiles: boolean;
  allowPrivateNetwork: boolean;
  /** Hosts (`example.internal`) or CIDRs (`10.1.0.0/16`) reachable even when private addresses are not. */
  allowHosts: readonly string[];
  fetchTimeoutMs: number;
  maxRedirects: number;
  maxResponseBytes: number;
}

export type RunMode = 'cli' | 'server';

const DEFAULTS = { fetchTimeoutMs: 30_000, maxRedirects: 5, maxResponseBytes: 50 * 1024 * 1024 };

export function policyFor(mode: RunMode, env: NodeJS.ProcessEnv = process.env): SecurityPolicy {
  const open = mode === 'cli';
  return {
    allowLocalFiles: open || env.PIPEWRIGHT_ALLOW_LOCAL_FILES === '1',
    allowPrivateNetwork: open || env.PIPEWRIGHT_ALLOW_PRIVATE_NETWORK === '1',
    allowHosts: (env.PIPEWRIGHT_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ...DEFAULTS,
  };
}
