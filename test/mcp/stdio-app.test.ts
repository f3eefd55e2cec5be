import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../support/built-cli.js';
import { assertFreshAppPage, BUILT_APP_PAGE } from './built-app-page.js';
import { type BuiltMcp, connectBuiltMcp } from './stdio-client.js';

// The MCP App as an installed `pipewright mcp` serves it: the bundled CLI finds the built page
// (dist/mcp-app/execution.html) from dist/bin/, and a host can list and read it over stdio.

const APP_URI = 'ui://pipewright/execution.html';

let home: string;
let mcp: BuiltMcp;
beforeAll(async () => {
  assertFreshBuild();
  assertFreshAppPage();
  home = await mkdtemp(join(tmpdir(), 'pipewright-stdio-app-'));
  mcp = await connectBuiltMcp({ PIPEWRIGHT_HOME: home });
});
afterAll(async () => {
  await mcp?.client.close();
  await rm(home, { recursive: true, force: true });
});

describe('pipewright mcp (built) and its MCP App', () => {
  it('links the page from the three execution tools', async () => {
    const { tools } = await mcp.client.listTools();
    const linked = tools.filter((tool) => (tool._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === APP_URI).map((tool) => tool.name);
    expect(linked.sort()).toEqual(['execute_workflow', 'get_execution', 'poll_execution']);
  });

  it('lists the page and serves the built file as text/html;profile=mcp-app', async () => {
    const { resources } = await mcp.client.listResources();
    expect(resources).toContainEqual(expect.objectContaining({ uri: APP_URI, mimeType: 'text/html;profile=mcp-app' }));
    const [page] = (await mcp.client.readResource({ uri: APP_URI })).contents as unknown as [{ mimeType: string; text: string }];
    expect(page.mimeType).toBe('text/html;profile=mcp-app');
    expect(page.text).toBe(await readFile(BUILT_APP_PAGE, 'utf8'));
    expect(mcp.transportErrors).toEqual([]);
  });
});
