import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { nodeTypesStartingWith } from '../completions.js';
import { findNodeType } from '../node-lookup.js';
import { summarizeNodeType } from '../schemas/node-type.js';
import { guardedRead, jsonContents } from './contents.js';
import { variable } from './variable.js';

export const NODES_URI = 'pipewright://nodes';
const NODE_URI_TEMPLATE = 'pipewright://nodes/{nodeType}';

/**
 * The catalog for clients that attach context rather than call tools: an index of summaries (the
 * full entries of every type come to about a megabyte), and each type in full on its own URI.
 */
export function registerNodesResource(server: McpServer, backend: Backend): void {
  server.registerResource(
    'node-catalog',
    NODES_URI,
    {
      title: 'Node catalog',
      description: `Every current node type in one line each (type, label, category, description, cost); ${NODE_URI_TEMPLATE} has one type in full`,
      mimeType: 'application/json',
    },
    guardedRead(server, async (uri: URL) => {
      const current = (await backend.listNodeTypes()).filter((entry) => entry.deprecated !== true);
      return jsonContents(uri, { detail: NODE_URI_TEMPLATE, nodes: current.map((entry) => summarizeNodeType(entry)) });
    }),
  );
  server.registerResource(
    'node-type',
    new ResourceTemplate(NODE_URI_TEMPLATE, {
      list: undefined,
      complete: { nodeType: guardedRead(server, (prefix: string) => nodeTypesStartingWith(backend, prefix)) },
    }),
    {
      title: 'Node type',
      description: 'One node type in full: ports, settings, the JSON Schema of data.config, cost and timeout (as describe_node_type gives it)',
      mimeType: 'application/json',
    },
    guardedRead(server, async (uri: URL, variables) => jsonContents(uri, findNodeType(await backend.listNodeTypes(), variable(variables, 'nodeType')))),
  );
}
