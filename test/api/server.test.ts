import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/api/rest-server.js';

// startServer's lifecycle with a bare Hono app: the REST app's behaviour is tested elsewhere.
function slowApp(ms: number) {
  const app = new Hono();
  app.get('/slow', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return c.text('done');
  });
  app.get('/fast', (c) => c.text('ok'));
  return app;
}

describe('startServer', () => {
  it('binds 127.0.0.1 on a free port and reports its url', async () => {
    const server = await startServer({ app: slowApp(0), host: '127.0.0.1', port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/fast`)).text()).toBe('ok');
    await server.close();
  });

  it('close() lets an in-flight request finish, refuses new ones, then resolves', async () => {
    const server = await startServer({ app: slowApp(300), host: '127.0.0.1', port: 0 });
    await fetch(`${server.url}/fast`); // leaves an idle keep-alive connection behind
    const inFlight = fetch(`${server.url}/slow`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const closed = server.close();
    await expect(fetch(`${server.url}/fast`)).rejects.toThrow();
    expect(await inFlight).toBe('done');
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.close()).toBe(closed);
  });

  it('cuts what is still running when the grace period ends', async () => {
    const server = await startServer({ app: slowApp(60_000), host: '127.0.0.1', port: 0, graceMs: 200 });
    const hung = fetch(`${server.url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await hung).toBe('cut');
  });

  it('rejects when the port is taken', async () => {
    const first = await startServer({ app: slowApp(0), host: '127.0.0.1', port: 0 });
    const port = Number(new URL(first.url).port);
    await expect(startServer({ app: slowApp(0), host: '127.0.0.1', port })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});
