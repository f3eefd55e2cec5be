import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BUILT_CLI } from '../support/built-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltMcp {
  client: Client;
  transport: StdioClientTransport;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  stderr: string[];
  transportErrors: Error[];
}

/**
 * `pipewright mcp` from the built CLI, as a client starts it, with only `env` (and PATH) set.
 * `launcher` runs before the CLI (a wrapper script and the node to run it with).
 */
export async function connectBuiltMcp(env: Record<string, string>, launcher: string[] = []): Promise<BuiltMcp> {
  const stderr: string[] = [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...launcher, BUILT_CLI, 'mcp'],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const client = new Client({ name: 'stdio-test', version: '1.0.0' });
  const transportErrors: Error[] = [];
  client.onerror = (error) => transportErrors.push(error);
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { client, transport, call, stderr, transportErrors };
}
