import { readFile } from 'node:fs/promises';
import { expectOk } from '../support/http.js';

export interface Seeded {
  /** `GET /api/v1/workflows/{id}` of the created workflow. */
  workflowUrl: string;
  /** The workflow JSON sent to create it, reused as the lint body. */
  workflowJson: string;
  /** What that GET answers: the ceiling serves a body of the same bytes. */
  getBody: string;
}

const EXAMPLE = new URL('../../examples/fan-out.json', import.meta.url);

/**
 * Creates one workflow over HTTP and calls each benched route once, so a wrong key, scope or
 * body fails here in a second rather than as ten seconds of 4xx.
 */
export async function seedWorkflow(baseUrl: string, key: string): Promise<Seeded> {
  const workflowJson = await readFile(EXAMPLE, 'utf8');
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  const created = await expectOk(fetch(`${baseUrl}/api/v1/workflows`, { method: 'POST', headers, body: workflowJson }), 'POST /workflows');
  const { data } = JSON.parse(created) as { data: { id: string } };
  const workflowUrl = `${baseUrl}/api/v1/workflows/${encodeURIComponent(data.id)}`;
  const getBody = await expectOk(fetch(workflowUrl, { headers }), 'GET /workflows/{id}');
  const lint = await expectOk(fetch(`${baseUrl}/api/v1/workflows/lint`, { method: 'POST', headers, body: workflowJson }), 'POST /workflows/lint');
  if (!(JSON.parse(lint) as { data: { ok: boolean } }).data.ok) throw new Error(`examples/fan-out.json does not lint clean: ${lint}`);
  return { workflowUrl, workflowJson, getBody };
}
