import { createBackend, describeBackend } from '../../backend/index.js';
import { routeConsoleToStderr, serveStdio } from '../../mcp/index.js';
import { cliBackendChoice } from '../backend-choice.js';
import { EXIT } from '../exit-codes.js';
import { version } from '../version.js';
import { bundledTemplatesDir } from '../../skill/index.js';

/** How long shutdown may take before the process exits anyway (a stuck provider socket, say). */
const EXIT_DEADLINE_MS = 3_000;

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
