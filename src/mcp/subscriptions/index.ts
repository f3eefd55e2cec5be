import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Backend } from '../../backend/index.js';
import { guardedRead } from '../resources/contents.js';
import { reportWithheld } from '../tool-handler.js';
import { createPollingFeed } from './polling-feed.js';
import { watchable } from './watchable.js';

/**
 * `resources/subscribe` and `resources/unsubscribe` for executions and workflows: each change is
 * one `notifications/resources/updated`, and the client reads the resource again. Needs a server
 * whose connection outlives a request (stdio), and the `resources.subscribe` capability set before
 * connecting. Returns what stops the watching, for the server's cleanup.
 */
export function registerSubscriptions(server: McpServer, backend: Backend): () => Promise<void> {
  const feed = createPollingFeed({
    watchable: (uri) => watchable(backend, uri),
    onChange: (uri) => server.server.sendResourceUpdated({ uri }).catch((error: unknown) => reportWithheld(server, error)),
    onError: (error) => reportWithheld(server, error),
  });
  server.server.setRequestHandler(
    SubscribeRequestSchema,
    guardedRead(server, async ({ params }) => (await feed.watch(params.uri), {})),
  );
  server.server.setRequestHandler(UnsubscribeRequestSchema, async ({ params }) => (feed.unwatch(params.uri), {}));
  return () => feed.close();
}
