import { type BackendChoice, createBackend, describeBackend } from '../../backend/index.js';
import { routeConsoleToStderr, serveStdio } from '../../mcp/index.js';
import { cliBackendChoice } from '../backend-choice.js';
import { EXIT } from '../exit-codes.js';
import { version } from '../version.js';
import { bundledTemplatesDir } from '../../skill/index.js';

/** How long shutdown may take before the process exits anyway (a stuck provider socket, say). */
const EXIT_DEADLINE_MS = 3_000;

/**
 * The server whose run viewer shows the runs: the remote API's, or for the local store the
 * `serve` named by PIPEWRIGHT_PUBLIC_URL (a server on the same home sees the same runs). Without
 * either, no viewer is known to be running and results carry no link.
 */
function viewerServer(choice: BackendChoice, env: NodeJS.ProcessEnv): { viewerServerUrl?: string } {
  const url = choice.kind === 'remote' ? choice.baseUrl : env.PIPEWRIGHT_PUBLIC_URL;
  return url ? { viewerServerUrl: url } : {};
}

/** `pipewright mcp`: serves until stdin closes or SIGTERM/SIGINT. */
export async function serveMcp(): Promise<void> {
  routeConsoleToStderr();
  const env = process.env;
  const choice = cliBackendChoice(env);
  const backend = await createBackend(choice, env);
  const session = await serveStdio({
    backend,
    version: version(),
    templatesDir: bundledTemplatesDir(),
    ...viewerServer(choice, env),
    onError: (error) => process.stderr.write(`pipewright mcp: ${error.stack ?? error.message}\n`),
  }).catch(async (error: unknown) => {
    await backend.close();
    throw error;
  });
  const stop = () => void session.close();
  process.once('SIGTERM', stop).once('SIGINT', stop);
  process.stderr.write(`pipewright mcp: serving on stdio, ${describeBackend(choice)}\n`);
  await session.closed;
  process.off('SIGTERM', stop).off('SIGINT', stop);
  // Whatever is still holding the event loop open (keep-alive sockets) must not keep a client waiting on our exit.
  setTimeout(() => process.exit(process.exitCode ?? EXIT.ok), EXIT_DEADLINE_MS).unref();
}
