import type { Store } from '../store/index.js';
import type { HealthService } from './contracts.js';

export function createHealthService(store: Store): HealthService {
  return {
    async check() {
      const ok = await store.ping();
      return { ok, store: ok ? 'ok' : 'unavailable' };
    },
  };
}
