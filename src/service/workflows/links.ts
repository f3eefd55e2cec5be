/**
 * The public URLs the service hands out (a duplicate's `url`, `webhookUrl`, a run's `endpoint`).
 * Their paths belong to the REST face, which implements this; the service only passes them on.
 */
export interface Links {
  /** Where clients reach this server, e.g. `http://127.0.0.1:8787`. */
  readonly publicBaseUrl: string;
  workflow(id: string): string;
  webhook(webhookId: string): string;
  /** A stored file's URL that opens without a key while its signature holds (a callback's outputs). */
  artifact(id: string, signature: { exp: number; sig: string }): string;
}
