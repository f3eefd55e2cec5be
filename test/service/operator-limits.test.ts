import { describe, expect, it } from 'vitest';
import { restLinks } from '../../src/api/index.js';
import { operatorLimitsFromEnv } from '../../src/service/index.js';
import { limitsFor } from '../../src/service/settings.js';

const links = restLinks('http://127.0.0.1:8787');

describe('operator limits', () => {
  it('reads whole numbers above 0 and "unlimited" (null); empty or absent is unset', () => {
    expect(
      operatorLimitsFromEnv({ PIPEWRIGHT_REQUESTS_PER_MINUTE: ' 600 ', PIPEWRIGHT_EXECUTIONS_PER_MINUTE: 'Unlimited', PIPEWRIGHT_EXECUTIONS_PER_DAY: '' }),
    ).toEqual({ requestsPerMinute: 600, executionsPerMinute: null });
    expect(operatorLimitsFromEnv({})).toEqual({});
  });

  it('refuses 0, negatives, fractions and words, naming the variable', () => {
    for (const value of ['0', '-1', '1.5', '1e3', 'none']) {
      expect(() => operatorLimitsFromEnv({ PIPEWRIGHT_EXECUTIONS_PER_DAY: value })).toThrow(
        /PIPEWRIGHT_EXECUTIONS_PER_DAY must be a whole number above 0 or "unlimited"/,
      );
    }
  });

  it('apply to every plan, over per-plan settings; what they leave unset stays the plan’s', () => {
    const settings = { links, planLimits: { free: { executionsPerMinute: 2 } }, limits: { executionsPerMinute: 40, executionsPerDay: null } };
    expect(limitsFor(settings, 'free')).toEqual({ requestsPerMinute: 10, executionsPerMinute: 40, executionsPerDay: null });
    expect(limitsFor(settings, 'pro')).toEqual({ requestsPerMinute: 60, executionsPerMinute: 40, executionsPerDay: null });
  });
});
