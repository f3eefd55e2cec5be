import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { userShellEnv } from './npm.js';

export interface McpProbe {
  serverName: string;
  serverVersion: string;
  tools: string[];
  /** validate_workflow's structured answer for the graph given. */
  validation: Record<string, unknown>;
}

/**
 * Starts `command mcp` over stdio as an MCP client does (initialize), lists its tools and
 * validates one graph, then closes it.
 */
export async function probeMcp(options: { command: string; args?: string[]; cwd: string; env: Record<string, string>; graph: unknown }): Promise<McpProbe> {
  const transport = new StdioClientTransport({
    command: options.command,
    args: options.args ?? ['mcp'],
    cwd: options.cwd,
    env: userShellEnv(options.env) as Record<string, string>,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'pipewright-release-check', version: '1.0.0' });
  try {
    await client.connect(transport);
    const server = client.getServerVersion();
    const { tools } = await client.listTools();
    const result = (await client.callTool({ name: 'validate_workflow', arguments: options.graph as Record<string, unknown> })) as CallToolResult;
    if (result.isError) throw new Error(`validate_workflow answered an error: ${JSON.stringify(result.content)}`);
    return {
      serverName: server?.name ?? '',
      serverVersion: server?.version ?? '',
      tools: tools.map((tool) => tool.name),
      validation: result.structuredContent ?? {},
    };
  } catch (error) {
    throw new Error(
      `${options.command} ${(options.args ?? ['mcp']).join(' ')} failed: ${error instanceof Error ? error.message : String(error)}\nits stderr:\n${stderr}`,
    );
  } finally {
    await client.close();
  }
}
