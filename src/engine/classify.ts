import { PipewrightError, isPipewrightError } from '../errors/index.js';
import { isTransientErrorCode } from '../net/index.js';

/**
 * Every failure a node can produce becomes a PipewrightError, so the runner only reads `transient`.
 * Socket-level failures (net's transient codes) are worth another try; anything else unknown is a permanent node error.
 */
export function classifyNodeError(error: unknown): PipewrightError {
  if (isPipewrightError(error)) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && isTransientErrorCode(code)) {
    return new PipewrightError('network_error', message, { cause: error });
  }
  return new PipewrightError('node_error', message, { cause: error });
}
