import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { guardedRead, jsonContents } from './contents.js';

export const NODES_URI = 'pipewright://nodes';

/** The whole catalog in the shape of `GET /nodes`, for clients that attach context rather than call tools. */
export function registerNodesResource(server: McpServer, backend: Backend): void {
  server.registerResource(
    'node-catalog',
    NODES_URI,
    {
      title: 'Node catalog',
      description: 'Every node type: ports, config JSON Schema, cost and timeout (the shape of GET /api/v1/nodes)',
      mimeType: 'application/json',
    },
    guardedRead(server, async (uri: URL) => jsonContents(uri, { nodes: await backend.listNodeTypes() })),
  );
}
