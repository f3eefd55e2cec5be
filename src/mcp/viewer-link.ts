import { z } from 'zod';
import { executionViewerUrl } from '../backend/index.js';

export const ViewerUrlOutput = z
  .string()
  .optional()
  .describe("The server's run viewer page that draws this execution live (append #key=sk-… or enter a key there); present when the server's address is known");

/** `viewerUrl` for an answer about one execution, when the server the run lives on is known. */
export function viewerField(serverUrl: string | undefined, executionId: string): { viewerUrl?: string } {
  return serverUrl === undefined ? {} : { viewerUrl: executionViewerUrl(serverUrl, executionId) };
}

/** The `viewerUrl` the face's backend put on an answer (rendered-backend.ts), if any. */
export function viewerUrlOf(answer: object): { viewerUrl?: string } {
  const { viewerUrl } = answer as { viewerUrl?: unknown };
  return typeof viewerUrl === 'string' ? { viewerUrl } : {};
}
