import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, PipewrightError, publicError, withheldCode } from '../../src/errors/index.js';

describe('the error-code table', () => {
  it('gives each code its kind and default message', () => {
    expect(new PipewrightError('not_found')).toMatchObject({ code: 'not_found', category: 'not_found', kind: 'user', message: 'Not found', transient: false });
    expect(new PipewrightError('store_unavailable', 'under /home/me')).toMatchObject({ kind: 'operational', message: 'under /home/me' });
    expect(new PipewrightError('node_error').kind).toBe('bug');
  });

  it('makes a code transient by default only where the table says so, and lets the throw site decide', () => {
    expect(new PipewrightError('provider_timeout').transient).toBe(true);
    expect(new PipewrightError('network_error', 'closed', { transient: false }).transient).toBe(false);
    expect(new PipewrightError('upstream_error', '503', { transient: true }).transient).toBe(true);
  });

  it('shows the message of a user error and of the stand-ins, and withholds the rest', () => {
    const withheld = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => publicError(new PipewrightError(code)) === undefined);
    for (const code of withheld) expect(['operational', 'bug']).toContain(ERROR_CODES[code].category);
    expect(withheld).not.toContain('unavailable');
    expect(withheld).toContain('internal');
    expect(withheldCode(new PipewrightError('media_read_failed'))).toBe('unavailable');
    expect(withheldCode(new PipewrightError('duplicate_node_type'))).toBe('internal');
  });

  it("reads a code from outside the table (a cast, a plugin) as the caller's", () => {
    expect(new PipewrightError('made_up' as ErrorCode, 'Say which one')).toMatchObject({ code: 'made_up', kind: 'user', category: 'invalid' });
  });
});
