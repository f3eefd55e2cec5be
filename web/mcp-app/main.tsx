// The MCP App of execute_workflow, poll_execution and get_execution (docs/events.md, "The MCP App"):
// the host renders this page in a sandboxed iframe and hands it the tool's result; the page
// draws the run's graph and follows it through the host's tools/call until it ends.
import './zod-jitless.js';
import { App, applyDocumentTheme, applyHostStyleVariables, type McpUiHostContext } from '@modelcontextprotocol/ext-apps';
import { createRoot } from 'react-dom/client';
import type { WorkflowGraph } from '../shared/execution-graph.js';
import './app.css';
import { ExecutionPage, type PageProps } from './execution-page.js';
import { type CallTool, followRun, loadGraph } from './follow-run.js';
import type { ReadResource } from './run-outputs.js';
import { type RunState, runFromResult, textOf, type ToolResultLike } from './run-state.js';

const app = new App({ name: 'pipewright-execution', version: '1.0.0' }, {});
const root = createRoot(document.getElementById('root')!);
const callTool: CallTool = (name, args) => app.callServerTool({ name, arguments: args });
const readResource: ReadResource = (uri) => app.readServerResource({ uri });

/** The run being followed; a newer tool result replaces it. */
let following: AbortController | undefined;

function show(props: Omit<PageProps, 'readResource'>): void {
  root.render(<ExecutionPage {...props} readResource={readResource} />);
}

async function follow(result: ToolResultLike): Promise<void> {
  following?.abort();
  const controller = (following = new AbortController());
  const first = runFromResult(result);
  if (first === undefined) return show({ message: textOf(result) || 'This result names no execution.' });
  let run: RunState = first;
  let graph: WorkflowGraph | null = null;
  let message: string | undefined;
  const render = () => {
    if (!controller.signal.aborted) show({ run, graph, ...(message !== undefined && { message }) });
  };
  render();
  // A workflow that cannot be read (deleted since) leaves the stand-in drawn from the node states.
  const drawn = loadGraph(callTool, first).then((loaded) => ((graph = loaded), render()), render);
  await followRun(callTool, first, (next) => ((run = next), render()), controller.signal).catch((error: unknown) => {
    message = `Stopped following the run: ${error instanceof Error ? error.message : String(error)}`;
    render();
  });
  await drawn;
}

function applyContext(context: McpUiHostContext | undefined): void {
  if (context?.theme) applyDocumentTheme(context.theme);
  if (context?.styles?.variables) applyHostStyleVariables(context.styles.variables);
}

app.ontoolresult = (result) => void follow(result);
// The call ended without a result (the user stopped it, say): there is no execution to show.
app.ontoolcancelled = ({ reason }) => show({ message: `The tool call was cancelled${reason ? `: ${reason}` : ''}.` });
app.onhostcontextchanged = applyContext;
app.onteardown = () => (following?.abort(), {});
show({ message: 'Waiting for the execution…' });
await app.connect();
applyContext(app.getHostContext());
