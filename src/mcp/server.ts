import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ArtifactUrlRenderer, Backend } from '../backend/index.js';
import { resourceArtifactUrls } from './artifact-links.js';
import { PendingWork } from './pending-work.js';
import { registerPrompts } from './prompts/index.js';
import { renderedBackend } from './rendered-backend.js';
import { registerResources } from './resources/index.js';
import { registerSubscriptions } from './subscriptions/index.js';
import { registerTools } from './tools/index.js';

export interface CreateServerOptions {
  backend: Backend;
  version: string;
  /**
   * The folder of workflow templates served as `pipewright://templates/{name}` (the cli passes
   * the package's skill/templates). Absent: no template resources.
   */
  templatesDir?: string;
  /**
   * How results show stored files. Default `pipewright://artifacts/{id}` resource links (stdio);
   * inside `serve`, the REST face's signed URLs, so a hosted client can download them.
   */
  artifactUrls?: ArtifactUrlRenderer;
  /** Errors whose message is withheld from the client (bugs), for the operator's log. */
  onError?: (error: Error) => void;
  /**
   * Whether clients may subscribe to executions and workflows (default true). A stateless server,
   * which lives for one HTTP request, has no connection to notify later: it says so by not
   * offering the capability.
   */
  subscriptions?: boolean;
  /**
   * Where the server the runs live on is reached (`serve`'s public URL, PIPEWRIGHT_API_URL): then
   * starting and polling a run answer `viewerUrl`, its page in the run viewer. Absent: no link.
   */
  viewerServerUrl?: string;
}

const INSTRUCTIONS =
  'pipewright runs multi-step AI pipelines (image, video, speech and LLM models plus utilities) defined as React Flow JSON graphs. ' +
  'Discover node types, draft a graph, validate_workflow until ok, save_workflow, estimate_workflow, execute_workflow with dryRun first, then for real, ' +
  'and poll_execution until it finishes. The prompts give worked patterns.';

/**
 * One MCP server over a Backend (embedded or remote: it cannot tell). The caller owns the
 * backend and closes it after `cleanup`, which stops watching subscribed resources and waits for
 * work tools started on their way out.
 */
export function createServer(options: CreateServerOptions): { server: McpServer; cleanup: () => Promise<void> } {
  const subscriptions = options.subscriptions ?? true;
  const server = new McpServer(
    { name: 'pipewright', title: 'pipewright', version: options.version },
    { capabilities: { tools: {}, resources: { subscribe: subscriptions }, prompts: {}, logging: {} }, instructions: INSTRUCTIONS },
  );
  if (options.onError) server.server.onerror = options.onError;
  const pending = new PendingWork();
  const backend = renderedBackend(options.backend, options.artifactUrls ?? resourceArtifactUrls, options.viewerServerUrl);
  registerTools(server, backend, pending);
  registerResources(server, backend, options.templatesDir);
  registerPrompts(server);
  const stopWatching = subscriptions ? registerSubscriptions(server, backend) : async () => {};
  return { server, cleanup: async () => (await stopWatching(), await pending.settled()) };
}
