import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PollViewSchema } from '../../src/service/index.js';
import { HAS_CHROMIUM, launchChromium, watchedPage } from '../web/support/browser.js';
import { assertFreshAppPage } from './built-app-page.js';
import { imageGraph } from './fixtures.js';
import { connect, structured, type Connected } from './harness.js';

// The MCP App page (ui://pipewright/execution.html, built from web/mcp-app) in headless Chromium,
// inside a stub host (fixtures/app-host.html) that speaks the MCP Apps postMessage protocol and
// forwards the page's tools/call to a real pipewright MCP server, or answers poll_execution itself.

const APP_URI = 'ui://pipewright/execution.html';
/** Screenshots land here (gitignored), as the run viewer's do (test/web/viewer.test.ts). */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

let mcp: Connected;
let browser: Browser;
let html: string;
let csp: string;
let workflowId: string;

interface Csp {
  connectDomains?: string[];
  resourceDomains?: string[];
  frameDomains?: string[];
  baseUriDomains?: string[];
}

/** The policy a host builds from the resource's declared domains (the spec's "CSP Construction from Metadata"). */
function policyFor(declared: Csp = {}): string {
  const resources = (declared.resourceDomains ?? []).join(' ');
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${resources}`,
    `style-src 'self' 'unsafe-inline' ${resources}`,
    `connect-src 'self' ${(declared.connectDomains ?? []).join(' ')}`,
    `img-src 'self' data: ${resources}`,
    `font-src 'self' ${resources}`,
    `media-src 'self' data: ${resources}`,
    `frame-src ${(declared.frameDomains ?? []).join(' ') || "'none'"}`,
    "object-src 'none'",
    `base-uri ${(declared.baseUriDomains ?? []).join(' ') || "'self'"}`,
  ].join('; ');
}

interface Hosted {
  page: Page;
  view: ReturnType<Page['frameLocator']>;
  /** Every message the page sent the host, by method ('response' for answers). */
  messages: string[];
  /** The tools the page called through the host, in order. */
  calls: Array<{ name: string; arguments: Record<string, unknown> }>;
  /** Console errors and uncaught exceptions, the page's and the host's. */
  errors: string[];
  /** Content-Security-Policy violations inside the page's frame. */
  violations(): Promise<string[]>;
}

type Answer = (name: string, args: Record<string, unknown>) => CallToolResult | undefined;

/** Opens the stub host with the page, handing it `tool`'s result (or cancellation); `answer` may stand in for the server. */
async function host(
  tool: { name: string; arguments: Record<string, unknown>; result?: CallToolResult; cancelled?: string },
  answer: Answer = () => undefined,
): Promise<Hosted> {
  const { page, errors } = await watchedPage(browser);
  const hosted: Hosted = {
    page,
    view: page.frameLocator('#view'),
    messages: [],
    calls: [],
    errors,
    // watchedPage records violations in every frame; the page's are in its own.
    violations: () =>
      page
        .frames()
        .find((frame) => frame !== page.mainFrame())!
        .evaluate(() => (globalThis as any).__violations as string[]),
  };
  await page.exposeFunction('record', (method: string) => hosted.messages.push(method));
  await page.exposeFunction('forward', async (method: string, params: { name: string; arguments: Record<string, unknown>; uri: string }) => {
    if (method === 'resources/read') return mcp.client.readResource({ uri: params.uri });
    hosted.calls.push({ name: params.name, arguments: params.arguments });
    return answer(params.name, params.arguments) ?? mcp.call(params.name, params.arguments);
  });
  await page.setContent(await readFile(new URL('./fixtures/app-host.html', import.meta.url), 'utf8'));
  // Runs in the host page, where fixtures/app-host.html defined render().
  await page.evaluate(([page, policy, toolCall]) => (globalThis as unknown as { render: (...args: unknown[]) => void }).render(page, policy, toolCall), [
    html,
    csp,
    tool,
  ] as const);
  return hosted;
}

/** A poll_execution result as the tool answers it, checked against the tool's output schema. */
function pollResult(view: unknown): CallToolResult {
  const structuredContent = PollViewSchema.parse(view);
  return { structuredContent, content: [{ type: 'text', text: JSON.stringify(structuredContent) }] };
}

/** A node of poll_execution's nodeStates. */
function pollNode(nodeId: string, status: string, extra: Record<string, unknown> = {}) {
  return { nodeId, label: nodeId, status, error: null, outputUrl: null, outputUrls: null, text: null, progress: null, ...extra };
}

function pollStates(executionId: string): CallToolResult[] {
  const image = 'pipewright://artifacts/art_0123456789abcdef01234567';
  return [
    {
      status: 'RUNNING',
      nodeStates: [pollNode('prompt', 'COMPLETED', { text: 'a red sneaker' }), pollNode('image', 'RUNNING', { progress: 0.4 }), pollNode('result', 'PENDING')],
    },
    {
      status: 'RUNNING',
      nodeStates: [pollNode('prompt', 'COMPLETED'), pollNode('image', 'COMPLETED', { outputUrl: image, outputUrls: [image] }), pollNode('result', 'RUNNING')],
    },
    {
      status: 'COMPLETED',
      nodeStates: [pollNode('prompt', 'COMPLETED'), pollNode('image', 'COMPLETED', { outputUrl: image, outputUrls: [image] }), pollNode('result', 'COMPLETED')],
      finalOutput: { result: image },
    },
  ].map((state) => pollResult({ executionId, finalOutput: null, error: null, ...state }));
}

describe.skipIf(!HAS_CHROMIUM)('the MCP App page in a host, in headless Chromium (skipped without /usr/bin/chromium)', () => {
  beforeAll(async () => {
    assertFreshAppPage();
    mcp = await connect();
    const [content] = (await mcp.client.readResource({ uri: APP_URI })).contents as unknown as [{ text: string; _meta?: { ui?: { csp?: Csp } } }];
    html = content.text;
    csp = policyFor(content._meta?.ui?.csp);
    ({ id: workflowId } = structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { name: 'App page', ...imageGraph })).workflow);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await mcp?.close();
  });

  it('draws the run from execute_workflow’s result and follows poll_execution until every node is COMPLETED', async () => {
    const args = { workflowId, dryRun: true };
    const result = (await mcp.client.callTool({ name: 'execute_workflow', arguments: args })) as CallToolResult;
    const { executionId } = structured<{ executionId: string }>(result);
    const states = pollStates(executionId);
    let polled = 0;
    const { page, view, messages, calls, errors, violations } = await host({ name: 'execute_workflow', arguments: args, result }, (name) =>
      name === 'poll_execution' ? states[Math.min(polled++, states.length - 1)] : undefined,
    );
    try {
      // The second state first: the page drew one state, then the next.
      await view.locator('[data-node-id="image"][data-status="RUNNING"]').waitFor();
      await view.locator('[data-node-id="image"][data-status="COMPLETED"]').waitFor();
      await view.locator('[data-execution-status="COMPLETED"]').waitFor();
      // Drawn and visible, each one.
      for (const nodeId of ['prompt', 'image', 'result']) await view.locator(`[data-node-id="${nodeId}"][data-status="COMPLETED"]`).waitFor();
      expect(polled).toBe(states.length);
      expect(calls).toContainEqual({ name: 'get_workflow', arguments: { workflowId } });
      expect(calls.filter((call) => call.name === 'poll_execution').every((call) => call.arguments.executionId === executionId)).toBe(true);
      expect(messages[0]).toBe('ui/initialize');
      expect(messages).toContain('ui/notifications/initialized');
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows a run from poll_execution’s result through the real server, learning its workflow from get_execution', async () => {
    const started = structured<{ executionId: string }>(await mcp.call('execute_workflow', { workflowId, dryRun: true, waitSeconds: 30 }));
    const args = { executionId: started.executionId };
    const result = (await mcp.client.callTool({ name: 'poll_execution', arguments: args })) as CallToolResult;
    const { page, view, calls, errors, violations } = await host({ name: 'poll_execution', arguments: args, result });
    try {
      await view.locator('[data-execution-status="COMPLETED"]').waitFor();
      await view.locator('[data-node-id="image"][data-status="COMPLETED"]').waitFor();
      expect(calls.map((call) => call.name)).toEqual(expect.arrayContaining(['get_execution', 'get_workflow', 'poll_execution']));
      // The dry run's placeholder image, read through the host as its pipewright://artifacts resource and shown.
      const image = view.locator('.pw-app-outputs [data-port="result"] img');
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expect.poll(() => image.evaluate((img) => (img as any).complete && (img as any).naturalWidth > 0)).toBe(true);
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}mcp-app.png` });
    } finally {
      await page.close();
    }
  });

  it('draws the nodes the run reports when its workflow cannot be read', async () => {
    const args = { workflowId, dryRun: true };
    const result = (await mcp.client.callTool({ name: 'execute_workflow', arguments: args })) as CallToolResult;
    const [done] = pollStates(structured<{ executionId: string }>(result).executionId).slice(-1);
    const gone: CallToolResult = { isError: true, content: [{ type: 'text', text: `error not_found: No workflow ${workflowId}` }] };
    const { page, view, errors, violations } = await host({ name: 'execute_workflow', arguments: args, result }, (name) =>
      name === 'poll_execution' ? done : name === 'get_workflow' ? gone : undefined,
    );
    try {
      await view.locator('[data-execution-status="COMPLETED"]').waitFor();
      for (const nodeId of ['prompt', 'image', 'result']) await view.locator(`[data-node-id="${nodeId}"][data-status="COMPLETED"]`).waitFor();
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a failed node with its error when the execution has FAILED', async () => {
    const args = { workflowId, dryRun: true };
    const result = (await mcp.client.callTool({ name: 'execute_workflow', arguments: args })) as CallToolResult;
    const { executionId } = structured<{ executionId: string }>(result);
    const failed = pollResult({
      executionId,
      status: 'FAILED',
      nodeStates: [
        pollNode('prompt', 'COMPLETED'),
        pollNode('image', 'FAILED', { error: 'provider_error: the model refused the prompt' }),
        pollNode('result', 'SKIPPED'),
      ],
      finalOutput: null,
      error: 'Node image failed: the model refused the prompt',
    });
    const { page, view, calls, errors, violations } = await host({ name: 'execute_workflow', arguments: args, result }, (name) =>
      name === 'poll_execution' ? failed : undefined,
    );
    try {
      await view.locator('[data-execution-status="FAILED"]').waitFor();
      await view.locator('[data-node-id="image"][data-status="FAILED"]').getByText('the model refused the prompt').waitFor();
      expect(await view.locator('[data-node-id="result"]').getAttribute('data-status')).toBe('SKIPPED');
      expect(calls.filter((call) => call.name === 'poll_execution')).toHaveLength(1);
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says so when the host cancels the tool call instead of giving a result', async () => {
    const { page, view, calls, errors, violations } = await host({ name: 'execute_workflow', arguments: { workflowId }, cancelled: 'stopped by the user' });
    try {
      await view.getByText('The tool call was cancelled: stopped by the user.').waitFor();
      expect(calls).toEqual([]);
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the text of an error result and calls nothing', async () => {
    const args = { executionId: 'exec_missing' };
    const result = (await mcp.client.callTool({ name: 'get_execution', arguments: args })) as CallToolResult;
    expect(result.isError).toBe(true);
    const { page, view, calls, errors, violations } = await host({ name: 'get_execution', arguments: args, result });
    try {
      await view.getByText(/not_found|No execution/).waitFor();
      expect(calls).toEqual([]);
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
