import { describe, expect, it } from 'vitest';
import { responseError } from '../../src/client/errors.js';
import { publicError } from '../../src/errors/index.js';

const reply = (status: number, error: Record<string, unknown>) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: new TextEncoder().encode(JSON.stringify({ error: { type: 'invalid_request_error', message: 'said by the server', ...error } })),
});

describe('a remote answer', () => {
  it('keeps a code this build knows, with the category its status says', () => {
    expect(responseError(reply(409, { code: 'stale_write' }), 'sk-x')).toMatchObject({
      code: 'stale_write',
      category: 'conflict',
      kind: 'user',
      transient: false,
    });
  });

  it('holds a code this build does not know as remote_error, the code in details.remoteCode', () => {
    const error = responseError(reply(400, { code: 'workflow_locked' }), 'sk-x');
    expect(error).toMatchObject({ code: 'remote_error', kind: 'user', message: 'said by the server', details: { status: 400, remoteCode: 'workflow_locked' } });
  });

  it("reads the server's internal as an operational fault here, whose message may be shown", () => {
    const error = responseError(reply(500, { code: 'internal', type: 'api_error' }), 'sk-x');
    expect(error).toMatchObject({ code: 'internal', category: 'operational', kind: 'operational', transient: true });
    expect(publicError(error)).toBe(error);
  });
});
