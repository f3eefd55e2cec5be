import { describe, expect, it } from 'vitest';
import { expectRefused, useHostile } from './support/hostile.js';

// Every place user data becomes a key — node ids, input names, config keys, output names, tags,
// query parameters, headers, webhook bodies — under names that are properties of Object.prototype.

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

const hostile = useHostile();

const node = (id: string, nodeType: string, config: Record<string, unknown> = {}) => ({
  id,
  type: 'basedNode',
  position: { x: 0, y: 0 },
  data: { nodeType, config },
});
const edge = (source: string, sourcePort: string, target: string, targetPort: string) => ({
  source,
  target,
  sourceHandle: `out-${sourcePort}`,
  targetHandle: `in-${targetPort}`,
});

/** JSON text with `name` as node id, port, config key, output name, tag and switch case: what a client sends. */
function workflowText(name: string, other: string): string {
  return JSON.stringify({
    name: `proto ${name}`,
    tags: [name],
    nodes: [
      node(name, 'input:text', { prompt: 'default' }),
      node('tpl', 'utility:prompt_template', { template: `{{${name}}}/{{${other}}}`, [other]: 'set' }),
      node('out', 'output:result', { name }),
      node('sw', 'logic:switch', { cases: [name] }),
      node('hit', 'output:result', { name: 'hit' }),
    ],
    edges: [edge(name, 'text', 'tpl', name), edge('tpl', 'text', 'out', 'value'), edge('tpl', 'text', 'sw', 'value'), edge('sw', name, 'hit', 'value')],
  });
}

async function finished(executionId: string, key: string): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const poll = await hostile().api('GET', `/workflows/executions/${executionId}/poll`, { key });
    if (poll.json.status === 'COMPLETED' || poll.json.status === 'FAILED') return poll.json;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${executionId} did not finish`);
}

describe('prototype property names as keys, through the built serve', () => {
  for (const [index, name] of NAMES.entries()) {
    const other = NAMES[(index + 1) % NAMES.length]!;
    it(`keeps "${name}" as a node id, input, config key, output name and tag`, async () => {
      const key = await hostile().keys.otherAccount();
      const created = await hostile().api('POST', '/workflows', { body: workflowText(name, other), headers: { 'content-type': 'application/json' }, key });
      expect(created.status, created.text).toBe(201);
      expect(created.text).toContain(`"${other}":"set"`);
      const id = created.json.data.id as string;
      const listed = await hostile().api('GET', `/workflows?tag=${encodeURIComponent(name)}`, { key });
      expect(listed.json.data.map((wf: { id: string }) => wf.id)).toEqual([id]);

      const run = await hostile().api('POST', `/workflows/${id}/execute`, {
        body: `{"inputs":{${JSON.stringify(name)}:"sent"}}`,
        headers: { 'content-type': 'application/json' },
        key,
      });
      expect(run.status, run.text).toBe(201);
      const poll = await finished(run.json.executionId, key);
      expect(poll.status).toBe('COMPLETED');
      expect(JSON.stringify(poll.finalOutput)).toBe(JSON.stringify({ [name]: 'sent/set' }));
      const detail = await hostile().api('GET', `/workflows/executions/${run.json.executionId}`, { key });
      expect(JSON.stringify(detail.json.data.inputs)).toBe(JSON.stringify({ [name]: 'sent' }));
      const states = Object.fromEntries((detail.json.data.nodes as Array<{ nodeId: string; status: string }>).map((n) => [n.nodeId, n.status]));
      expect(states).toMatchObject({ [name]: 'COMPLETED', tpl: 'COMPLETED', out: 'COMPLETED', sw: 'COMPLETED', hit: 'SKIPPED' });

      const described = await hostile().api('GET', `/workflows/${id}/run`, { key });
      expect(described.json.data.inputs.map((input: { nodeId: string }) => input.nodeId)).toEqual([name]);
      const patched = await hostile().api('PATCH', `/workflows/${id}/nodes/${encodeURIComponent(name)}`, { json: { label: 'renamed' }, key });
      expect(patched.status, patched.text).toBe(200);
      const webhookId = created.json.data.webhookId as string;
      const hooked = await hostile().api('POST', `/workflow/${webhookId}/trigger`, {
        body: `{${JSON.stringify(name)}:"hooked"}`,
        headers: { 'content-type': 'application/json' },
        key: null,
      });
      expect(hooked.status, hooked.text).toBe(202);
      expect(JSON.stringify((await finished(hooked.json.executionId, key)).finalOutput)).toBe(JSON.stringify({ [name]: 'hooked/set' }));
    });
  }

  it('treats prototype names in queries, headers and ids as ordinary text', async () => {
    const before = await hostile().snapshot();
    for (const name of NAMES) {
      expectRefused(await hostile().api('GET', `/workflows/${name}`), 404, 'not_found');
      expectRefused(await hostile().api('GET', `/workflows/executions/${name}/poll`), 404, 'not_found');
      expectRefused(await hostile().api('GET', `/artifacts/${name}`), 404, 'not_found');
      expect((await hostile().api('GET', `/workflows?${name}=1&limit=1`)).status).toBe(200);
      const traced = await hostile().api('GET', '/nodes', { headers: { 'x-request-id': name } });
      expect(traced.headers.get('x-request-id')).toBe(name);
      const lint = { json: { nodes: [{ id: name, data: { nodeType: name } }] }, headers: { 'idempotency-key': name } };
      const linted = await hostile().api('POST', '/workflows/lint', lint);
      expect(linted.json.data.violations).toMatchObject([{ rule: 'unknown-node-type', nodeId: name }]);
      const replayed = await hostile().api('POST', '/workflows/lint', lint);
      expect([replayed.headers.get('idempotent-replayed'), replayed.text]).toEqual(['true', linted.text]);
    }
    expect(await hostile().snapshot()).toBe(before);
  });
});
