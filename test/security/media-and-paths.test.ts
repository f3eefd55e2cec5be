import { describe, expect, it } from 'vitest';
import { expectRefused, useHostile } from './support/hostile.js';

// Files a workflow hands the server (scripted media of each kind) and names that try to leave
// their folder (path traversal), against the built serve in server mode.

const hostile = useHostile();

const imageFlow = {
  name: 'Image in',
  nodes: [
    { id: 'photo', data: { nodeType: 'input:image', config: {} } },
    { id: 'out', data: { nodeType: 'output:result', config: { name: 'image' } } },
  ],
  edges: [{ source: 'photo', target: 'out', sourceHandle: 'out-image', targetHandle: 'in-value' }],
};

const dataUri = (type: string, text: string) => `data:${type};base64,${Buffer.from(text).toString('base64')}`;

async function runImage(key: string, image: string): Promise<any> {
  const created = await hostile().api('POST', '/workflows', { json: imageFlow, key });
  const started = await hostile().api('POST', `/workflows/${created.json.data.id}/execute`, { json: { inputs: { photo: image } }, key });
  expect(started.status, started.text).toBe(201);
  for (let i = 0; i < 100; i++) {
    const poll = await hostile().api('GET', `/workflows/executions/${started.json.executionId}/poll`, { key });
    if (poll.json.status === 'COMPLETED' || poll.json.status === 'FAILED') return poll.json;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('run did not finish');
}

describe('scripted media', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2" onload="alert(1)"><script>alert(document.cookie)</script></svg>';
  const html = '<html><body><script>alert(document.cookie)</script></body></html>';

  it('is stored, but never served so that its script runs as the server (key or signed URL)', async () => {
    const key = await hostile().keys.otherAccount();
    const cases: Array<[string, string, string]> = [
      ['scripted SVG', dataUri('image/svg+xml', svg), "sandbox; default-src 'none'"],
      ['HTML claiming to be a PNG', dataUri('image/png', html), 'sandbox'],
      ['HTML claiming an unknown image type', dataUri('image/x-icon', html), "sandbox; default-src 'none'"],
    ];
    for (const [what, uri, policy] of cases) {
      const poll = await runImage(key, uri);
      expect(poll.status, what).toBe('COMPLETED');
      const signed = new URL(poll.finalOutput.image as string);
      const id = signed.pathname.split('/').at(-1)!;
      const keyed = await hostile().api('GET', `/artifacts/${id}`, { key });
      const open = await fetch(signed);
      for (const response of [keyed, { status: open.status, headers: open.headers }]) {
        expect(response.status, what).toBe(200);
        expect(response.headers.get('content-security-policy'), what).toBe(policy);
        expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      }
      await open.body?.cancel();
    }
  });

  it('refuses what is not an image at all, or a type that is no media type', async () => {
    const key = await hostile().keys.otherAccount();
    for (const uri of [
      dataUri('text/html', html),
      dataUri('application/xhtml+xml', html),
      dataUri('text/xml', '<x/>'),
      `data:text/html\r\nSet-Cookie: a=b;base64,${Buffer.from(html).toString('base64')}`,
    ]) {
      const poll = await runImage(key, uri);
      expect(poll.status).toBe('FAILED');
      expect(poll.nodeStates.find((node: { nodeId: string }) => node.nodeId === 'photo').error).toMatch(/invalid_image|not an image/);
    }
  });
});

describe('names that try to leave their folder', () => {
  it('read no file of the server, and name only what was given', async () => {
    const key = await hostile().keys.otherAccount();
    for (const ref of ['../../../../etc/passwd', 'file:///etc/passwd', '/etc/passwd', '..\\..\\windows\\win.ini', 'pipewright.db', './artifacts/x.png']) {
      const poll = await runImage(key, ref);
      expect(poll.status, ref).toBe('FAILED');
      const error = JSON.stringify(poll.nodeStates.find((node: { nodeId: string }) => node.nodeId === 'photo').error);
      expect(error, ref).toMatch(/forbidden_target|PIPEWRIGHT_ALLOW_LOCAL_FILES/);
      expect(error, ref).toContain(JSON.stringify(ref).slice(1, -1));
    }
  });

  it('in route parameters find nothing', async () => {
    const before = await hostile().snapshot();
    for (const name of [
      '..%2F..%2Fpipewright.db',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      'art_..%2F..%2Fsecrets',
      '%2e%2e%2f%2e%2e%2fpipewright.db',
      'art_000000000000000000000000%00.png',
    ]) {
      expectRefused(await hostile().api('GET', `/artifacts/${name}`), 404, 'not_found');
      expectRefused(await hostile().api('GET', `/artifacts/${name}?exp=9999999999&sig=${'A'.repeat(43)}`, { key: null }), 403, 'invalid_signature');
      expectRefused(await hostile().api('GET', `/workflows/${name}`), 404, 'not_found');
      expectRefused(await hostile().api('GET', `/workflows/executions/${name}`), 404, 'not_found');
    }
    for (const path of ['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/pipewright.db']) {
      const reply = await hostile().api('GET', path);
      expect(reply.status, path).toBe(404);
    }
    expect(await hostile().snapshot()).toBe(before);
  });
});
