import { readFile } from 'node:fs/promises';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RESOURCE_MIME_TYPE, registerAppResource } from '@modelcontextprotocol/ext-apps/server';
import { PipewrightError } from '../errors/index.js';
import { guardedRead } from './resources/contents.js';

/**
 * The MCP App (the MCP Apps extension, https://github.com/modelcontextprotocol/ext-apps/blob/main/specification/2026-01-26/apps.mdx):
 * hosts that render apps show this page beside the execution tools' results; the others ignore
 * the tools' `_meta.ui` and read the text and structured result as before.
 */
export const EXECUTION_APP_URI = 'ui://pipewright/execution.html';

/**
 * Built by `npm run build` from web/mcp-app/ into one file with its script and styles inlined.
 * This file sits two levels below the package root as src/mcp/ (tsx, tests), dist/mcp/ and the
 * bundled dist/bin/, so the same relative URL finds it in each.
 */
const PAGE = new URL('../../dist/mcp-app/execution.html', import.meta.url);

/**
 * Everything the page draws arrives through the host (tool results, `tools/call`,
 * `resources/read`), so it asks for no network and no outside origin: the spec's most
 * restrictive policy, said explicitly rather than left to each host's default.
 */
const PAGE_UI_META = { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true };

/** A tool config whose results hosts that render apps show with the page (for registerAppTool). */
export function withExecutionApp<Config extends object>(config: Config): Config & { _meta: { ui: { resourceUri: string } } } {
  return { ...config, _meta: { ui: { resourceUri: EXECUTION_APP_URI } } };
}

export function registerExecutionAppResource(server: McpServer): void {
  registerAppResource(
    server,
    'execution-app',
    EXECUTION_APP_URI,
    {
      title: 'Execution view',
      description: 'The MCP App page of execute_workflow, poll_execution and get_execution: the workflow graph with each node’s live state and outputs',
      _meta: { ui: PAGE_UI_META },
    },
    guardedRead(server, async (uri: URL) => ({
      contents: [{ uri: uri.href, mimeType: RESOURCE_MIME_TYPE, text: await readPage(), _meta: { ui: PAGE_UI_META } }],
    })),
  );
}

async function readPage(): Promise<string> {
  try {
    return await readFile(PAGE, 'utf8');
  } catch (error) {
    throw new PipewrightError('internal', `The MCP App page ${PAGE.pathname} is missing; npm run build writes it`, { cause: error });
  }
}
