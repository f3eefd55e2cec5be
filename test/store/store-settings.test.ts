import { describe, expect, it } from 'vitest';
import { storeSettingsFromEnv } from '../../src/store/index.js';

describe('storeSettingsFromEnv: PIPEWRIGHT_DATABASE_URL', () => {
  it('puts the store on PostgreSQL for a postgres:// or postgresql:// URL, and leaves it in the home when unset or empty', () => {
    expect(storeSettingsFromEnv({ PIPEWRIGHT_DATABASE_URL: 'postgres://pw:secret@db:5432/pipewright' })).toEqual({
      databaseUrl: 'postgres://pw:secret@db:5432/pipewright',
    });
    expect(storeSettingsFromEnv({ PIPEWRIGHT_DATABASE_URL: 'postgresql://db/pipewright' })).toEqual({ databaseUrl: 'postgresql://db/pipewright' });
    expect(storeSettingsFromEnv({})).toEqual({});
    expect(storeSettingsFromEnv({ PIPEWRIGHT_DATABASE_URL: '' })).toEqual({});
  });

  it('refuses any other URL without repeating it, since it may hold a password', () => {
    let refused: unknown;
    try {
      storeSettingsFromEnv({ PIPEWRIGHT_DATABASE_URL: 'mysql://pw:secret@db/pipewright' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'invalid_field', details: { field: 'PIPEWRIGHT_DATABASE_URL' } });
    expect(String((refused as Error).message)).not.toContain('secret');
  });
});
