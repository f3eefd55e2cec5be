import { parseArgs } from 'node:util';
import { formatApiReport, runApiBench, type ApiBenchOptions } from './api/index.js';
import { formatEngineReport, runEngineBench } from './engine/index.js';
import { formatExecutionsReport, runExecutionsBench, type ExecutionsBenchOptions } from './executions/index.js';
import { formatMcpReport, runMcpBench, type McpBenchOptions } from './mcp/index.js';

/**
 * `npm run bench` runs every section and prints tables; `npm run bench -- api` runs the named
 * sections only; `npm run -s bench -- --json` prints one JSON document instead.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    'api-seconds': { type: 'string' },
    'api-connections': { type: 'string' },
    'api-log-level': { type: 'string' },
    'api-profile': { type: 'string' },
    'exec-seconds': { type: 'string' },
    'exec-connections': { type: 'string' },
    'exec-in-flight': { type: 'string' },
    'exec-profile': { type: 'string' },
    'mcp-runs': { type: 'string' },
    'mcp-polls': { type: 'string' },
  },
});

function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`--${flag} must be a positive integer, got "${raw}"`);
  return value;
}

const apiOptions: Partial<ApiBenchOptions> = {
  ...(values['api-seconds'] !== undefined && { durationSec: positiveInteger('api-seconds', values['api-seconds']) }),
  ...(values['api-connections'] !== undefined && { connections: positiveInteger('api-connections', values['api-connections']) }),
  ...(values['api-log-level'] !== undefined && { logLevel: values['api-log-level'] }),
  ...(values['api-profile'] !== undefined && { profileDir: values['api-profile'] }),
};

const executionsOptions: Partial<ExecutionsBenchOptions> = {
  ...(values['exec-seconds'] !== undefined && { durationSec: positiveInteger('exec-seconds', values['exec-seconds']) }),
  ...(values['exec-connections'] !== undefined && { connections: positiveInteger('exec-connections', values['exec-connections']) }),
  ...(values['exec-in-flight'] !== undefined && { inFlight: positiveInteger('exec-in-flight', values['exec-in-flight']) }),
  ...(values['exec-profile'] !== undefined && { profileDir: values['exec-profile'] }),
};

const mcpOptions: Partial<McpBenchOptions> = {
  ...(values['mcp-runs'] !== undefined && { startupRuns: positiveInteger('mcp-runs', values['mcp-runs']) }),
  ...(values['mcp-polls'] !== undefined && { pollCalls: positiveInteger('mcp-polls', values['mcp-polls']) }),
};

/** Each section runs its bench, then formats its report; the text is used unless `--json`. */
const SECTIONS: Record<string, () => Promise<{ report: unknown; text: string }>> = {
  async engine() {
    const report = await runEngineBench();
    return { report, text: formatEngineReport(report) };
  },
  async api() {
    const report = await runApiBench(apiOptions);
    return { report, text: formatApiReport(report) };
  },
  async executions() {
    const report = await runExecutionsBench(executionsOptions);
    return { report, text: formatExecutionsReport(report) };
  },
  async mcp() {
    const report = await runMcpBench(mcpOptions);
    return { report, text: formatMcpReport(report) };
  },
};

const unknown = positionals.filter((name) => !Object.hasOwn(SECTIONS, name));
if (unknown.length > 0) throw new TypeError(`Unknown bench section ${unknown.join(', ')}; expected any of ${Object.keys(SECTIONS).join(', ')}`);
const chosen = positionals.length === 0 ? Object.keys(SECTIONS) : positionals;

const results: Record<string, { report: unknown; text: string }> = {};
for (const name of chosen) results[name] = await SECTIONS[name]!();
process.stdout.write(values.json
  ? `${JSON.stringify(Object.fromEntries(chosen.map((name) => [name, results[name]!.report])), null, 2)}\n`
  : chosen.map((name) => results[name]!.text).join('\n'));
