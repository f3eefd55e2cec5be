import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../api/harness.js';
import { runBuilt } from '../support/built-cli.js';

// `serve` that cannot listen says why and what to do, through the built CLI: never "internal error".

let held: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (held ? held.close(resolve) : resolve(undefined)));
  held = undefined;
});

function holdPort(): Promise<number> {
  held = createServer();
  return new Promise((resolve) => held!.listen(0, '127.0.0.1', () => resolve((held!.address() as { port: number }).port)));
}

describe('pipewright serve: start-up failures', () => {
  it('names a port already in use and the ways out, and exits 2 without starting', async () => {
    const port = await holdPort();
    const { code, stderr } = await runBuilt(['serve', '--host', '127.0.0.1', '--port', String(port)], { PIPEWRIGHT_HOME: await tempHome() });
    expect(code).toBe(2);
    expect(stderr).toContain(`error: Port ${port} on 127.0.0.1 is already in use, by another pipewright serve or another program.`);
    expect(stderr).toContain('--port <n> (or PORT), or stop the process that holds it');
    expect(stderr).not.toMatch(/internal error|EADDRINUSE|listening/);
  });

  it('names a host that is not an address of this machine', async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): never a local address, and binding to it sends nothing.
    const { code, stderr } = await runBuilt(['serve', '--host', '192.0.2.1', '--port', '0'], { PIPEWRIGHT_HOME: await tempHome() });
    expect(code).toBe(2);
    expect(stderr).toContain('error: 192.0.2.1 is not an address of this machine. Use --host 127.0.0.1');
  });
});
