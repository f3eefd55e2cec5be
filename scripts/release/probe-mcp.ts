import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type CallToolResult, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { userShellEnv } from './npm.js';

export interface McpProbe {
  serverName: string;
  serverVersion: string;
  tools: string[];
  /** validate_workflow's structured answer for the graph given. */
  validation: Record<string, unknown>;
  /** What `completion/complete` offers for node types starting `input:`. */
  nodeTypeCompletions: string[];
  /** The URI of the `notifications/resources/updated` that came for a subscribed workflow when it was deleted. */
  updatedUri: string;
}

/**
 * Starts `command mcp` over stdio as an MCP client does (initialize), lists its tools, validates
 * one graph, asks for node-type completions, and saves that graph as a workflow, subscribes to it
 * and deletes it (the server then sends `notifications/resources/updated`), then closes it.
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
    const { completion } = await client.complete({
      ref: { type: 'ref/resource', uri: 'pipewright://nodes/{nodeType}' },
      argument: { name: 'nodeType', value: 'input:' },
    });
    return {
      serverName: server?.name ?? '',
      serverVersion: server?.version ?? '',
      tools: tools.map((tool) => tool.name),
      validation: result.structuredContent ?? {},
      nodeTypeCompletions: completion.values,
      updatedUri: await updateOnDelete(client, options.graph),
    };
  } catch (error) {
    throw new Error(
      `${options.command} ${(options.args ?? ['mcp']).join(' ')} failed: ${error instanceof Error ? error.message : String(error)}\nits stderr:\n${stderr}`,
    );
  } finally {
    await client.close();
  }
}

/** Saves the graph, subscribes to the workflow, deletes it, and waits (at most 30 s) for the update that says so. */
async function updateOnDelete(client: Client, graph: unknown): Promise<string> {
  const saved = (await client.callTool({ name: 'save_workflow', arguments: { name: 'release check', ...(graph as object) } })) as CallToolResult;
  const id = (saved.structuredContent as { workflow?: { id?: string } } | undefined)?.workflow?.id;
  if (saved.isError || !id) throw new Error(`save_workflow answered: ${JSON.stringify(saved.content)}`);
  const uri = `pipewright://workflows/${id}`;
  const updated = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no notifications/resources/updated for ${uri} within 30 s`)), 30_000);
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, ({ params }) => {
      if (params.uri !== uri) return;
      clearTimeout(timer);
      resolve(params.uri);
    });
  });
  await client.subscribeResource({ uri });
  await client.callTool({ name: 'delete_workflow', arguments: { workflowId: id } });
  return updated;
}
