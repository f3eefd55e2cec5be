import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshAppPage } from './built-app-page.js';
import { connect, type Connected } from './harness.js';

// The MCP Apps extension's server side: which tools link the page, and the page as a resource.
// The page itself, in a browser inside a host, is test/mcp/app-page.test.ts.

const APP_URI = 'ui://pipewright/execution.html';

let mcp: Connected;
beforeAll(async () => {
  assertFreshAppPage();
  mcp = await connect();
});
afterAll(() => mcp.close());

describe('the MCP App', () => {
  it('is linked from exactly execute_workflow, poll_execution and get_execution', async () => {
    const { tools } = await mcp.client.listTools();
    const linked = tools.filter((tool) => (tool._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === APP_URI).map((tool) => tool.name);
    expect(linked.sort()).toEqual(['execute_workflow', 'get_execution', 'poll_execution']);
    expect(tools.filter((tool) => tool._meta !== undefined).map((tool) => tool.name)).toHaveLength(3);
  });

  it('is listed as an MCP App resource', async () => {
    const { resources } = await mcp.client.listResources();
    expect(resources.find((resource) => resource.uri === APP_URI)).toMatchObject({
      name: 'execution-app',
      mimeType: 'text/html;profile=mcp-app',
      _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] } } },
    });
  });

  it('reads as one self-contained HTML page that asks for no outside origin', async () => {
    const { contents } = await mcp.client.readResource({ uri: APP_URI });
    expect(contents).toHaveLength(1);
    const [page] = contents as [{ uri: string; mimeType: string; text: string; _meta: unknown }];
    expect(page).toMatchObject({ uri: APP_URI, mimeType: 'text/html;profile=mcp-app', _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] } } } });
    expect(page.text).toMatch(/^<!doctype html>/i);
    // Script and styles inline: nothing for the host's sandbox to fetch.
    expect(page.text).not.toMatch(/<script[^>]*\bsrc=|<link[^>]*\bstylesheet/i);
    expect(page.text).toMatch(/<script type="module">/);
  });
});
