import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/api/rest-server.js';
import { fakeServices, noArtifactUrls, noIdempotency } from '../fake-services.js';

// The viewer's routes over app.request, on a stand-in build; test/web runs the real build in Chromium.
const logger = pino({ level: 'silent' });

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-viewer-build-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<html><head><script type="module" src="/app/assets/index-abc.js"></script><link rel="stylesheet" href="/app/assets/index-abc.css"></head></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  return dir;
}

const app = (publicBaseUrl = 'http://127.0.0.1:8787', settings = {}) =>
  createApp({
    services: fakeServices(),
    idempotency: noIdempotency,
    webhookOwners: async () => undefined,
    artifactUrls: noArtifactUrls,
    logger,
    settings,
    viewer: { dir: build(), publicBaseUrl },
  });

describe('the run viewer at /app/', () => {
  it('answers deep links with the page, under a policy that allows only its own files and the artifact origin', async () => {
    const response = await app('https://pw.example').request('/app/executions/exec_123');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https://pw.example; " +
        "media-src 'self' https://pw.example; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(await response.text()).toContain('<meta name="pipewright-artifact-origin" content="https://pw.example" />');
  });

  it('serves hashed assets as immutable, other files briefly, and a missing asset as 404, never the page', async () => {
    const viewer = app();
    const script = await viewer.request('/app/assets/index-abc.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log(1)');
    expect((await viewer.request('/app/favicon.svg')).headers.get('Cache-Control')).toBe('public, max-age=3600');
    const missing = await viewer.request('/app/assets/index-old.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect((await viewer.request('/app/../package.json')).status).not.toBe(200);
  });

  it('redirects /app to /app/, and puts the page under the public URL path behind a proxy', async () => {
    const viewer = app('https://host.example/pw/');
    const redirect = await viewer.request('/app');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('Location')).toBe('/pw/app/');
    const page = await (await viewer.request('/app/')).text();
    expect(page).toContain('src="/pw/app/assets/index-abc.js"');
    expect(page).toContain('href="/pw/app/assets/index-abc.css"');
  });

  it('does not spend the anonymous per-IP budget on its static files', async () => {
    const viewer = app('http://127.0.0.1:8787', { anonymousRequestsPerMinute: 2 });
    for (let load = 0; load < 5; load++) expect((await viewer.request('/app/assets/index-abc.js')).status).toBe(200);
    expect((await viewer.request('/api/v1/workflows')).headers.get('X-RateLimit-Remaining')).toBe('1');
  });

  it('is not served without a build, and the API is unaffected', async () => {
    const bare = createApp({
      services: fakeServices(),
      idempotency: noIdempotency,
      webhookOwners: async () => undefined,
      artifactUrls: noArtifactUrls,
      logger,
      viewer: { dir: join(tmpdir(), 'pw-no-such-build'), publicBaseUrl: 'http://127.0.0.1:8787' },
    });
    expect((await bare.request('/app/')).status).toBe(404);
    expect((await bare.request('/api/v1/healthz')).status).toBe(200);
  });
});
