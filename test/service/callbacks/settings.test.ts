import { describe, expect, it } from 'vitest';
import { callbackSettingsFromEnv } from '../../../src/service/callbacks/index.js';
import { nextStep } from '../../../src/service/callbacks/schedule.js';
import { signingSecrets } from '../../../src/service/callbacks/secret.js';

// The settings and schedule docs/events.md ("Completion callbacks") states.

describe('callbackSettingsFromEnv', () => {
  it('defaults to a 10 s timeout, a 1 s store poll and about 1 s, 5 s, 30 s, 2 min, 10 min, then hourly 24 times', () => {
    const settings = callbackSettingsFromEnv({});
    expect(settings.timeoutMs).toBe(10_000);
    expect(settings.pollMs).toBe(1_000);
    expect(settings.retryDelaysMs).toEqual([1_000, 5_000, 30_000, 120_000, 600_000, ...Array(24).fill(3_600_000)]);
  });

  it('reads the three variables', () => {
    const env = { PIPEWRIGHT_CALLBACK_TIMEOUT_SECONDS: '2.5', PIPEWRIGHT_CALLBACK_POLL_MS: '50', PIPEWRIGHT_CALLBACK_RETRY_SECONDS: '0, 0.5,3' };
    expect(callbackSettingsFromEnv(env)).toEqual({ timeoutMs: 2_500, pollMs: 50, retryDelaysMs: [0, 500, 3_000], onTriggers: true });
  });

  it('takes callbackUrl on webhook triggers unless PIPEWRIGHT_TRIGGER_CALLBACKS is off', () => {
    expect(callbackSettingsFromEnv({}).onTriggers).toBe(true);
    expect(callbackSettingsFromEnv({ PIPEWRIGHT_TRIGGER_CALLBACKS: 'on' }).onTriggers).toBe(true);
    expect(callbackSettingsFromEnv({ PIPEWRIGHT_TRIGGER_CALLBACKS: 'off' }).onTriggers).toBe(false);
  });

  it('refuses what it cannot take with invalid_field naming the variable', () => {
    for (const [name, value] of [
      ['PIPEWRIGHT_TRIGGER_CALLBACKS', 'no'],
      ['PIPEWRIGHT_CALLBACK_TIMEOUT_SECONDS', '0'],
      ['PIPEWRIGHT_CALLBACK_POLL_MS', 'soon'],
      ['PIPEWRIGHT_CALLBACK_RETRY_SECONDS', '1,,5'],
      ['PIPEWRIGHT_CALLBACK_RETRY_SECONDS', '-1'],
    ] as const) {
      expect(() => callbackSettingsFromEnv({ [name]: value }), `${name}=${value}`).toThrow(
        expect.objectContaining({ code: 'invalid_field', details: { field: name } }),
      );
    }
  });
});

describe('nextStep', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const attempt = (status: number | null) => ({ at: now.toISOString(), status, error: status === 200 ? null : 'no', durationMs: 1 });

  it('is delivered after a 2xx, else waits the next delay of the list, then fails', () => {
    expect(nextStep([attempt(500), attempt(200)], [1_000], now)).toMatchObject({ state: 'delivered', nextAttemptAt: null });
    expect(nextStep([attempt(null)], [1_000, 5_000], now)).toMatchObject({ state: 'waiting', nextAttemptAt: '2026-03-01T12:00:01.000Z' });
    expect(nextStep([attempt(500), attempt(503)], [1_000, 5_000], now)).toMatchObject({ state: 'waiting', nextAttemptAt: '2026-03-01T12:00:05.000Z' });
    expect(nextStep([attempt(500), attempt(503), attempt(500)], [1_000, 5_000], now)).toMatchObject({ state: 'failed', nextAttemptAt: null });
  });
});

describe('signingSecrets', () => {
  it('signs with the replaced secret too until its day is over', () => {
    const secrets = { secret: 'whsec_new', previous: 'whsec_old', previousUntil: '2026-03-02T12:00:00.000Z' };
    expect(signingSecrets(secrets, new Date('2026-03-02T11:59:59.999Z'))).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(secrets, new Date('2026-03-02T12:00:00.000Z'))).toEqual(['whsec_new']);
    expect(signingSecrets({ secret: 'whsec_only', previous: null, previousUntil: null }, new Date())).toEqual(['whsec_only']);
  });
});
