import type { HttpClient } from './http/client.js';
import type { ProviderRetrySettings } from './http/transport.js';
import type { JobSettings } from './jobs/run-job.js';

/** What every adapter is built from besides its own settings. */
export interface AdapterDeps {
  http: HttpClient;
  retry: ProviderRetrySettings;
  jobs: JobSettings;
}
