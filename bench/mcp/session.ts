import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ROOT, type McpEntry } from './entries.js';

export interface McpSession {
  client: Client;
  /** Ends the child's stdin and waits for it to exit (the SDK kills it after 2 s, then 4 s). */
  close(): Promise<void>;
}

const STDERR_KEPT = 2_000;

/**
 * Spawns `pipewright mcp` and completes the MCP handshake: the process starts inside `connect`,
 * so timing this call times the whole start. Only PATH and PIPEWRIGHT_HOME (plus the SDK's
 * defaults) reach the child: a PIPEWRIGHT_API_URL in the bench's environment would switch it
 * to remote mode, and provider keys would change nothing but what it may call.
 */
export async function connectMcp(entry: McpEntry, home: string): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: entry.args,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PIPEWRIGHT_HOME: home },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
  const client = new Client({ name: 'pipewright-bench', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    await client.close();
    throw new Error(`${entry.name}: ${(error as Error).message}; its stderr ended with:\n${stderr}`);
  }
  return { client, close: () => client.close() };
}
