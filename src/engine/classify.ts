import { PipewrightError, isPipewrightError } from '../errors/index.js';

/** Socket-level failures worth another try; anything else unknown is a permanent node error. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);

/** Every failure a node can produce becomes a PipewrightError, so the runner only reads `transient`. */
export function classifyNodeError(error: unknown): PipewrightError {
  if (isPipewrightError(error)) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && TRANSIENT_CODES.has(code)) {
    return new PipewrightError('network_error', message, { kind: 'operational', transient: true, cause: error });
  }
  return new PipewrightError('node_error', message, { kind: 'bug', cause: error });
}
