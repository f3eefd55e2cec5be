import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, runBuilt, serveBuilt, type BuiltServer } from '../support/built-cli.js';
import { MAIN_GRAPH } from '../e2e/support/main-graph.js';
import { ADMIN_KEY, call } from '../e2e/support/rest.js';
import { startStandIns, type StandIns } from '../e2e/support/stand-ins.js';
import { HAS_CHROMIUM, launchChromium, type WatchedPage, watchedPage } from './support/browser.js';

/** Screenshots land here (gitignored); CI keeps the folder as the run's artifacts. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const NODE_IDS = MAIN_GRAPH.nodes.map((node) => node.id);
const UNTIL = { timeout: 15_000 };

/**
 * Every node drawn (in the DOM and visible) with this status. Page-side code is a function, not
 * text (the page's CSP forbids eval); the tests compile without the DOM library, hence `globalThis`.
 */
function allDrawnAs(page: Page, status: string, count: number) {
  const check = ({ status, count }: { status: string; count: number }) => {
    const nodes: any[] = [...(globalThis as any).document.querySelectorAll(`[data-node-id][data-status="${status}"]`)];
    return nodes.length === count && nodes.every((node) => node.checkVisibility({ visibilityProperty: true }));
  };
  return page.waitForFunction(check, { status, count }, UNTIL);
}

/** Every image on the page loaded and decoded. */
function imagesLoaded(page: Page) {
  const check = () => [...(globalThis as any).document.querySelectorAll('img')].every((img: any) => img.complete && img.naturalWidth > 0);
  return page.waitForFunction(check, undefined, UNTIL);
}

describe.skipIf(!HAS_CHROMIUM)('the run viewer in headless Chromium, served by the built CLI (skipped without /usr/bin/chromium)', () => {
  let home: string;
  let standIns: StandIns;
  let server: BuiltServer;
  let browser: Browser;
  let workflowId = '';
  const runs: string[] = [];

  beforeAll(async () => {
    assertFreshBuild();
    home = await mkdtemp(join(tmpdir(), 'pw-web-viewer-'));
    standIns = await startStandIns();
    server = await serveBuilt({ PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', ...standIns.env });
    browser = await launchChromium();
    const created = await call(server.url, 'POST', '/workflows', MAIN_GRAPH);
    expect(created.status).toBe(201);
    workflowId = created.json.data.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await standIns?.close();
    if (home !== undefined) await rm(home, { recursive: true, force: true });
  });

  async function execute(body: Record<string, unknown> = {}): Promise<string> {
    const started = await call(server.url, 'POST', `/workflows/${workflowId}/execute`, body);
    expect(started.status).toBe(201);
    runs.push(started.json.executionId);
    return started.json.executionId;
  }

  async function expectClean(watched: WatchedPage): Promise<void> {
    expect(watched.errors).toEqual([]);
    expect(await watched.violations()).toEqual([]);
  }

  it('draws a running execution and follows every node to COMPLETED, with previews, no console errors and no CSP violation', async () => {
    // The image model holds its job RUNNING until released, so the page opens on a live run.
    standIns.fal.knobs.hang = true;
    const executionId = await execute();
    const watched = await watchedPage(browser);
    const { page } = watched;
    const requests: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), authorization: request.headers().authorization }));
    await page.goto(`${server.url}/app/executions/${executionId}#key=${ADMIN_KEY}`);
    await page.locator('[data-node-id="shot"][data-status="RUNNING"]').waitFor(UNTIL);
    await page.locator('[data-feed="events"]').waitFor(UNTIL);
    // The key left the address bar (and the history entry) before anything was fetched.
    expect(page.url()).toBe(`${server.url}/app/executions/${executionId}`);
    expect(await page.locator('[data-node-id]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-id')))).toEqual(NODE_IDS);

    standIns.fal.knobs.hang = false;
    await allDrawnAs(page, 'COMPLETED', NODE_IDS.length);
    await page.locator('[data-execution-status="COMPLETED"]').waitFor(UNTIL);
    // The grid the run made, through its signed artifact URL, drawn inline.
    const sheet = page.locator('[data-node-id="sheet"] img');
    await sheet.waitFor(UNTIL);
    await imagesLoaded(page);
    expect(await sheet.getAttribute('src')).toMatch(/\/api\/v1\/artifacts\/[^?]+\?exp=\d+&sig=/);
    expect(await page.locator('[data-node-id="caption"] .pw-text').count()).toBe(3);

    await mkdir(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'viewer.png');
    await page.screenshot({ path: screenshot });
    console.log(`run viewer screenshot: ${screenshot}`);
    // The key went out in the Authorization header of the API calls and the event stream, never in a URL.
    expect(requests.filter((request) => request.url.includes(ADMIN_KEY))).toEqual([]);
    const events = requests.filter((request) => request.url.endsWith(`/api/v1/workflows/executions/${executionId}/events`));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((request) => request.authorization === `Bearer ${ADMIN_KEY}`)).toBe(true);
    await expectClean(watched);
    await page.close();
  });

  it('resumes a dropped event stream with Last-Event-ID and still follows every node to COMPLETED', async () => {
    standIns.fal.knobs.hang = true;
    const executionId = await execute({ force: true });
    const first = await firstEvent(executionId);
    const watched = await watchedPage(browser);
    const { page } = watched;
    // The page's first connection carries only the first event and then ends, as a dropped one would.
    const lastEventIds: (string | undefined)[] = [];
    await page.route(`**/api/v1/workflows/executions/${executionId}/events`, async (route, request) => {
      lastEventIds.push(request.headers()['last-event-id']);
      if (lastEventIds.length === 1) await route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: first.text });
      else await route.continue();
    });
    await page.goto(`${server.url}/app/executions/${executionId}#key=${ADMIN_KEY}`);
    await page.locator('[data-node-id="shot"][data-status="RUNNING"]').waitFor(UNTIL);
    standIns.fal.knobs.hang = false;
    await allDrawnAs(page, 'COMPLETED', NODE_IDS.length);
    expect(lastEventIds).toEqual([undefined, first.id]);
    await expectClean(watched);
    await page.close();
  });

  it('polls the execution when the server has no event stream (an older pipewright answers 404 there)', async () => {
    standIns.fal.knobs.hang = true;
    const executionId = await execute({ force: true });
    const watched = await watchedPage(browser);
    const { page } = watched;
    await page.route(`**/api/v1/workflows/executions/${executionId}/events`, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"type":"invalid_request_error","code":"not_found","message":"No route"}}',
      }),
    );
    await page.goto(`${server.url}/app/executions/${executionId}#key=${ADMIN_KEY}`);
    await page.locator('[data-feed="polling"]').waitFor(UNTIL);
    await page.locator('[data-node-id="shot"][data-status="RUNNING"]').waitFor(UNTIL);
    standIns.fal.knobs.hang = false;
    await allDrawnAs(page, 'COMPLETED', NODE_IDS.length);
    await page.locator('[data-feed="ended"]').waitFor(UNTIL);
    // The browser reports the 404 it was given, and nothing else.
    expect(watched.errors).toEqual([expect.stringMatching(/status of 404/)]);
    expect(await watched.violations()).toEqual([]);
    await page.close();
  });

  /** The first event of an execution's stream, as the server sends it, and its id. */
  async function firstEvent(executionId: string): Promise<{ text: string; id: string }> {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/v1/workflows/executions/${executionId}/events`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    let block: string | undefined;
    while (block === undefined) {
      text += (await reader.read()).value ?? '';
      // Whole blocks only; a comment (`: keep-alive`) is not an event.
      block = text
        .split('\n\n')
        .slice(0, -1)
        .find((part) => /^id: \d+$/m.test(part));
    }
    controller.abort();
    return { text: `${block}\n\n`, id: /^id: (\d+)$/m.exec(block)![1]! };
  }

  it('shows a failed node with its error, and the nodes after it SKIPPED', async () => {
    standIns.fal.knobs.failWith = 'The prompt was flagged by the content checker';
    const executionId = await execute({ force: true });
    const watched = await watchedPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/app/executions/${executionId}#key=${ADMIN_KEY}`);
    const failed = page.locator('[data-node-id="shot"][data-status="FAILED"]');
    await failed.waitFor(UNTIL);
    await expect.poll(() => failed.locator('[role="alert"]').textContent(), UNTIL).toContain('flagged by the content checker');
    for (const id of ['thumb', 'sheet', 'out_sheet']) await page.locator(`[data-node-id="${id}"][data-status="SKIPPED"]`).waitFor(UNTIL);
    await page.locator('[data-execution-status="FAILED"]').waitFor(UNTIL);
    await expectClean(watched);
    await page.close();
    standIns.fal.knobs.failWith = undefined;
  });

  it('lists a workflow with its runs, each linking to its drawing; asks for a key when the page has none', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/app/workflows/${workflowId}`);
    await page.locator('input[name="key"]').fill(ADMIN_KEY);
    await page.locator('button[type="submit"]').click();
    for (const id of runs) await page.locator(`[data-execution-id="${id}"] a[href="/app/executions/${id}"]`).waitFor(UNTIL);
    await allDrawnAs(page, 'PENDING', NODE_IDS.length);
    await page.locator(`a[href="/app/executions/${runs[0]}"]`).click();
    await allDrawnAs(page, 'COMPLETED', NODE_IDS.length);
    await expectClean(watched);
    await page.close();
  });

  it('pipewright run against the server prints the viewer link, and the link draws that run', async () => {
    const cliHome = await mkdtemp(join(tmpdir(), 'pw-web-cli-'));
    try {
      const result = await runBuilt(['run', workflowId], { PIPEWRIGHT_HOME: cliHome, PIPEWRIGHT_API_URL: server.url, PIPEWRIGHT_API_KEY: ADMIN_KEY });
      expect(result.code, result.stderr).toBe(0);
      const link = /^Watch it live: (\S+)$/m.exec(result.stderr)?.[1] ?? '';
      expect(link).toMatch(new RegExp(`^${server.url}/app/executions/exec_[\\w-]+$`));
      const watched = await watchedPage(browser);
      await watched.page.goto(`${link}#key=${ADMIN_KEY}`);
      await allDrawnAs(watched.page, 'COMPLETED', NODE_IDS.length);
      await expectClean(watched);
      await watched.page.close();
    } finally {
      await rm(cliHome, { recursive: true, force: true });
    }
  });

  it('MCP over HTTP: execute_workflow and poll_execution answer the run viewer link under the public URL', async () => {
    const client = new Client({ name: 'viewer-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${ADMIN_KEY}` } } });
    await client.connect(transport);
    try {
      const started = (await client.callTool({ name: 'execute_workflow', arguments: { workflowId } })).structuredContent as Record<string, string>;
      const viewerUrl = `${server.url}/app/executions/${started.executionId}`;
      expect(started.viewerUrl).toBe(viewerUrl);
      const polled = (await client.callTool({ name: 'poll_execution', arguments: { executionId: started.executionId } })).structuredContent as Record<
        string,
        string
      >;
      expect(polled.viewerUrl).toBe(viewerUrl);
    } finally {
      await client.close();
    }
  });

  it('serves the page under a strict CSP, deep links as the page, hashed assets as immutable', async () => {
    const page = await fetch(`${server.url}/app/executions/exec_anything`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const script = await fetch(`${server.url}${asset}`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/app/assets/missing-0000.js`)).status).toBe(404);
  });
});
