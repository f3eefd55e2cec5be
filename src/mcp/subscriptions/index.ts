import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Backend } from '../../backend/index.js';
import { guardedRead } from '../resources/contents.js';
import { reportWithheld } from '../tool-handler.js';
import { createEventFeed } from './event-feed.js';
import { createPollingFeed } from './polling-feed.js';
import { watchable } from './watchable.js';

/**
 * `resources/subscribe` and `resources/unsubscribe` for executions and workflows: each change is
 * one `notifications/resources/updated`, and the client reads the resource again. Executions are
 * followed by their event stream (./event-feed.ts), workflows by a poll (./polling-feed.ts). Needs a server
 * whose connection outlives a request (stdio), and the `resources.subscribe` capability set before
 * connecting. Returns what stops the watching, for the server's cleanup.
 */
export function registerSubscriptions(server: McpServer, backend: Backend): () => Promise<void> {
  const onChange = (uri: string) => server.server.sendResourceUpdated({ uri }).catch((error: unknown) => reportWithheld(server, error));
  const onError = (error: unknown) => reportWithheld(server, error);
  const polling = createPollingFeed({ watchable: (uri) => watchable(backend, uri), onChange, onError });
  const feed = createEventFeed({ backend, onChange, onError, polling });
  server.server.setRequestHandler(
    SubscribeRequestSchema,
    guardedRead(server, async ({ params }) => (await feed.watch(params.uri), {})),
  );
  server.server.setRequestHandler(UnsubscribeRequestSchema, async ({ params }) => (feed.unwatch(params.uri), {}));
  return () => feed.close();
}
