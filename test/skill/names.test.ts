import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend.js';
import { createServer } from '../../src/mcp/server.js';
import { createBuiltinRegistry } from '../../src/nodes/index.js';
import { skillDocs } from './skill-docs.js';

const registry = createBuiltinRegistry();
const docs = await skillDocs();

// `generate:flux_2`, `llm:claude_haiku_4_5`, `generate:flux-2-dev`; not the wildcard in `generate:veo_*`.
const NODE_TYPE = /\b(?:input|generate|llm|utility|logic|output):(?:[a-z0-9][a-z0-9_.-]*[a-z0-9]|[a-z0-9])(?![\w*-])/g;
// Every MCP tool is <verb>_<what it acts on>; settings and error codes never end this way.
const TOOL = /\b[a-z]+_(?:workflows?|node_types?|executions?|usage)\b/g;

/** The tools the real MCP server lists; listing them calls nothing on the backend. */
async function mcpToolNames(): Promise<string[]> {
  const { server } = createServer({ backend: {} as Backend, version: '0.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'skill-test', version: '0.0.0' });
  await client.connect(clientSide);
  try {
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
    await server.close();
  }
}

describe('names the skill uses', () => {
  it.each(docs)('every node type named in $path exists in the registry', ({ text }) => {
    const unknown = [...new Set(text.match(NODE_TYPE) ?? [])].filter((name) => registry.get(name) === undefined);
    expect(unknown).toEqual([]);
  });

  it.each(docs.filter((doc) => !doc.path.endsWith('node-catalog.md')))('$path uses current node type names, not deprecated aliases', ({ text }) => {
    // An old name may appear only beside the type it runs, `old → current`, which facts.test.ts checks.
    const outsideAliases = text.replace(/`[^`\n]* → [^`\n]*`/g, '');
    const deprecated = [...new Set(outsideAliases.match(NODE_TYPE) ?? [])].filter((name) => registry.get(name)?.deprecated !== undefined);
    expect(deprecated).toEqual([]);
  });

  it('every MCP tool named in the skill is one the MCP server lists, and the skill names them all', async () => {
    const tools = await mcpToolNames();
    const named = new Set(docs.flatMap(({ text }) => text.match(TOOL) ?? []));
    expect([...named].filter((name) => !tools.includes(name))).toEqual([]);
    expect(tools.filter((name) => !named.has(name))).toEqual([]);
  });
});
