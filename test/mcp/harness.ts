import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createEmbeddedBackend } from '../../src/backend/embedded.js';
import type { Backend } from '../../src/backend/index.js';
import { createServer } from '../../src/mcp/index.js';
import { bundledTemplatesDir } from '../../src/skill/paths.js';
import { restLinks } from '../../src/api/index.js';

export interface Connected {
  client: Client;
  backend: Backend;
  home: string;
  /** Server-side errors withheld from the client. */
  serverErrors: Error[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** The real thing end to end: an SDK client, in memory, to the server over the embedded backend on a fresh home. */
export async function connect(options: { templatesDir?: string; backend?: Backend } = {}): Promise<Connected> {
  const home = await mkdtemp(join(tmpdir(), 'pipewright-mcp-'));
  const backend =
    options.backend ?? (await createEmbeddedBackend({ home, links: restLinks('http://127.0.0.1:8787'), env: {}, templatesDir: bundledTemplatesDir() }));
  const serverErrors: Error[] = [];
  const { server, cleanup } = createServer({
    backend,
    version: '0.0.0-test',
    templatesDir: options.templatesDir ?? join(home, 'no-templates'),
    onError: (error) => serverErrors.push(error),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'pipewright-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    backend,
    home,
    serverErrors,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await server.close();
      await cleanup();
      await backend.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

export function structured<T = Record<string, unknown>>(result: CallToolResult): T {
  if (result.isError) throw new Error(`tool failed: ${textOf(result)}`);
  return result.structuredContent as T;
}
