/** Executions whose uploads are remembered; an older one's are forgotten (its nodes would upload again). */
const REMEMBERED_EXECUTIONS = 64;

/**
 * Uploads of one file to one provider, shared within one execution: an artifact fanned out to
 * three nodes is uploaded once. A failed upload is forgotten, so a retry uploads again.
 */
export interface UploadMemo {
  /** The URL `key` was uploaded to in this execution, else what `upload` answers (and is kept). */
  once(executionId: string, key: string, upload: (signal: AbortSignal) => Promise<string>, signal: AbortSignal): Promise<string>;
}

export function createUploadMemo(): UploadMemo {
  const executions = new Map<string, Map<string, Promise<string>>>();
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
      if (shared) {
        try {
          return await shared;
        } catch (error) {
          // The node that started it may have been cancelled or timed out; this one tries with its own signal.
          if (signal.aborted) throw error;
        }
      }
      const started = upload(signal);
      uploads.set(key, started);
      started.catch(() => uploads.get(key) === started && uploads.delete(key));
      return started;
    },
  };
}
