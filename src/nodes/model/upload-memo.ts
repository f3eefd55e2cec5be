/** Executions whose uploads are remembered; an older one's are forgotten (its nodes would upload again). */
const REMEMBERED_EXECUTIONS = 64;
/**
 * How long an uploaded file's URL is reused: provider storage expires (a Replicate file has an
 * `expires_at`, https://sdks.replicate.com/resources/files), and an execution can be paused and resumed.
 */
const REUSED_FOR_MS = 60 * 60_000;

/**
 * Uploads of one file to one provider, shared within one execution: an artifact fanned out to
 * three nodes is uploaded once. A failed upload is forgotten, so a retry uploads again, and so is
 * one older than an hour.
 */
export interface UploadMemo {
  /** The URL `key` was uploaded to in this execution, else what `upload` answers (and is kept). */
  once(executionId: string, key: string, upload: (signal: AbortSignal) => Promise<string>, signal: AbortSignal): Promise<string>;
}

export function createUploadMemo(): UploadMemo {
  const executions = new Map<string, Map<string, { url: Promise<string>; at: number }>>();
  const uploadsOf = (executionId: string) => {
    let uploads = executions.get(executionId);
    if (!uploads) {
      uploads = new Map();
      executions.set(executionId, uploads);
      const oldest = executions.keys().next().value;
      if (executions.size > REMEMBERED_EXECUTIONS && oldest !== undefined) executions.delete(oldest);
    }
    return uploads;
  };
  return {
    async once(executionId, key, upload, signal) {
      const uploads = uploadsOf(executionId);
      const shared = uploads.get(key);
      if (shared && Date.now() - shared.at < REUSED_FOR_MS) {
        try {
          return await shared.url;
        } catch (error) {
          // The node that started it may have been cancelled or timed out; this one tries with its own signal.
          if (signal.aborted) throw error;
        }
      }
      const started = { url: upload(signal), at: Date.now() };
      uploads.set(key, started);
      started.url.catch(() => uploads.get(key) === started && uploads.delete(key));
      return started.url;
    },
  };
}
