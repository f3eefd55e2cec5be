import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useHostile } from './support/hostile.js';

// Malformed, oversized, deep, mis-typed, mis-encoded and ill-formed bodies on every route that
// reads one: each refused with the contract's status and code, and nothing stored.

const hostile = useHostile();
let workflowId: string;
let executionId: string;
let webhookId: string;

const graph = {
  name: 'Target',
  nodes: [
    { id: 'prompt', data: { nodeType: 'input:text', config: { prompt: 'hi' } } },
    { id: 'out', data: { nodeType: 'output:result', config: {} } },
  ],
  edges: [{ source: 'prompt', target: 'out', sourceHandle: 'out-text', targetHandle: 'in-value' }],
};

beforeAll(async () => {
  const created = await hostile().api('POST', '/workflows', { json: graph });
  workflowId = created.json.data.id;
  webhookId = created.json.data.webhookId;
  executionId = (await hostile().api('POST', `/workflows/${workflowId}/execute`, { json: {} })).json.executionId;
});

/** Every route that reads a body, with a path that exists. */
const routes = (): Array<[method: string, path: string]> => [
  ['POST', '/workflows'],
  ['PUT', `/workflows/${workflowId}`],
  ['PATCH', `/workflows/${workflowId}/nodes/prompt`],
  ['POST', `/workflows/${workflowId}/duplicate`],
  ['POST', '/workflows/lint'],
  ['POST', `/workflows/${workflowId}/versions/1/restore`],
  ['POST', `/workflows/${workflowId}/estimate`],
  ['POST', `/workflows/${workflowId}/execute`],
  ['POST', `/workflows/${workflowId}/run`],
  ['POST', `/workflows/executions/${executionId}/cancel`],
  ['POST', `/workflows/executions/${executionId}/retry`],
  ['POST', `/workflows/${workflowId}/webhook/rotate`],
  ['POST', `/workflow/${webhookId}/trigger`],
];

const json = { 'content-type': 'application/json' };
const deep = `{"a":${'['.repeat(70)}${']'.repeat(70)}}`;

/** What each hostile body must get, on any route, before a use case sees it. */
const broken: Array<[what: string, init: { body: string | Uint8Array; headers: Record<string, string> }, status: number, code: string]> = [
  ['malformed JSON', { body: '{"nodes": [', headers: json }, 400, 'invalid_json'],
  ['trailing garbage', { body: '{} {}', headers: json }, 400, 'invalid_json'],
  ['not JSON at all', { body: 'nodes=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
  ['over 1 MiB', { body: `{"pad":"${'x'.repeat(1024 * 1024)}"}`, headers: json }, 413, 'body_too_large'],
  ['nested 70 deep', { body: deep, headers: json }, 400, 'json_too_deep'],
  ['invalid UTF-8', { body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: json }, 400, 'invalid_json'],
  ['a lone surrogate', { body: '{"name":"\\ud800"}', headers: json }, 400, 'invalid_field'],
];

describe('hostile bodies on every route that reads one', () => {
  it('are refused before anything runs or is stored', async () => {
    const before = await hostile().snapshot();
    for (const [method, path] of routes()) {
      for (const [what, init, status, code] of broken) {
        // A fresh account each time: the budgets are not what this test is about.
        const key = path.startsWith('/workflow/') ? null : await hostile().keys.otherAccount();
        const reply = await hostile().api(method, path, { ...init, key });
        // The webhook trigger's own limit is smaller (256 KiB), and says so with the same code.
        expectRefused(reply, status, code);
        expect(reply.headers.get('x-request-id'), `${method} ${path}: ${what}`).toBeTruthy();
      }
    }
    expect(await hostile().snapshot()).toBe(before);
  });

  it('refuses JSON of the wrong shape with 400 invalid_body, naming the problem', async () => {
    const before = await hostile().snapshot();
    const shaped: Array<[string, string]> = [
      ['POST', '/workflows'],
      ['PUT', `/workflows/${workflowId}`],
      ['PATCH', `/workflows/${workflowId}/nodes/prompt`],
      ['POST', `/workflows/${workflowId}/duplicate`],
      ['POST', `/workflows/${workflowId}/estimate`],
      ['POST', `/workflows/${workflowId}/execute`],
      ['POST', `/workflows/${workflowId}/run`],
    ];
    for (const [method, path] of shaped) {
      for (const body of ['[]', '"text"', '42', '{"nodes":{"__proto__":[]},"inputs":[1],"label":7,"name":{}}']) {
        const reply = await hostile().api(method, path, { body, headers: json });
        expectRefused(reply, 400, 'invalid_body');
        expect(reply.json.issues.length, `${method} ${path} ${body}`).toBeGreaterThan(0);
      }
    }
    expect(await hostile().snapshot()).toBe(before);
  });

  it('answers lint of any JSON with violations, never an error', async () => {
    for (const body of ['[]', 'null', '"x"', '{"nodes":[null,1,"a",{}],"edges":{}}', '{"nodes":[{"id":"","data":{"nodeType":""}}]}']) {
      const reply = await hostile().api('POST', '/workflows/lint', { body, headers: json });
      expect([reply.status, reply.json.data.ok], body).toEqual([200, false]);
      expect(reply.json.data.violations.length).toBeGreaterThan(0);
    }
  });
});
