import { parseArgs } from 'node:util';
import { formatApiReport, runApiBench, type ApiBenchOptions } from './api/index.js';
import { formatEngineReport, runEngineBench } from './engine/index.js';
import { formatExecutionsReport, runExecutionsBench, type ExecutionsBenchOptions } from './executions/index.js';
import { formatMcpReport, runMcpBench, type McpBenchOptions } from './mcp/index.js';
import { formatScaleReport, runScaleBench, type ScaleBenchOptions } from './scale/index.js';
import { formatSseReport, runSseBench, type SseBenchOptions } from './sse/index.js';
import { formatOutcome, outcomesJson, runSections, summarize, type Section } from './support/sections.js';

/**
 * `npm run bench` runs every section and prints tables; `npm run bench -- api` runs the named
 * sections only; `npm run -s bench -- --json` prints one JSON document instead. Each section's
 * table is printed as soon as it ends; one that fails or outlives `--section-seconds` is reported
 * with its reason and the figures it had, the others still run, and the exit code is 1 at the end.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    'section-seconds': { type: 'string' },
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
    'sse-runs': { type: 'string' },
    'scale-executions': { type: 'string' },
    'scale-delay-ms': { type: 'string' },
    'scale-concurrency': { type: 'string' },
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

const scaleOptions: Partial<ScaleBenchOptions> = {
  ...(values['scale-executions'] !== undefined && { executions: positiveInteger('scale-executions', values['scale-executions']) }),
  ...(values['scale-delay-ms'] !== undefined && { providerDelayMs: positiveInteger('scale-delay-ms', values['scale-delay-ms']) }),
  ...(values['scale-concurrency'] !== undefined && { workerConcurrency: positiveInteger('scale-concurrency', values['scale-concurrency']) }),
};

const sseOptions: Partial<SseBenchOptions> = {
  ...(values['sse-runs'] !== undefined && { runs: positiveInteger('sse-runs', values['sse-runs']) }),
};

/** Long enough for the slowest section on a loaded 2-core machine (executions, about 5 minutes there). */
const DEFAULT_SECTION_SECONDS = 900;
const sectionSeconds = positiveInteger('section-seconds', values['section-seconds']) ?? DEFAULT_SECTION_SECONDS;

/** Each section runs its bench, then formats its report; the text is used unless `--json`. */
const SECTIONS: Record<string, Section['run']> = {
  async engine(context) {
    const report = await runEngineBench(context);
    return { report, text: formatEngineReport(report) };
  },
  async api(context) {
    const report = await runApiBench(apiOptions, context);
    return { report, text: formatApiReport(report) };
  },
  async executions(context) {
    const report = await runExecutionsBench(executionsOptions, context);
    return { report, text: formatExecutionsReport(report) };
  },
  async mcp(context) {
    const report = await runMcpBench(mcpOptions, context);
    return { report, text: formatMcpReport(report) };
  },
  async sse(context) {
    const report = await runSseBench(sseOptions, context);
    return { report, text: formatSseReport(report) };
  },
  async scale(context) {
    const report = await runScaleBench(scaleOptions, context);
    return { report, text: formatScaleReport(report) };
  },
};

const unknown = positionals.filter((name) => !Object.hasOwn(SECTIONS, name));
if (unknown.length > 0) throw new TypeError(`Unknown bench section ${unknown.join(', ')}; expected any of ${Object.keys(SECTIONS).join(', ')}`);
const chosen = positionals.length === 0 ? Object.keys(SECTIONS) : positionals;

let printed = 0;
const outcomes = await runSections(
  chosen.map((name) => ({ name, run: SECTIONS[name]! })),
  {
    limitMs: sectionSeconds * 1000,
    limitSource: values['section-seconds'] === undefined ? 'the default; --section-seconds sets it' : '--section-seconds',
    stopGraceMs: 30_000,
    onOutcome(outcome) {
      if (values.json) return;
      if (printed++ > 0) process.stdout.write('\n');
      process.stdout.write(formatOutcome(outcome));
    },
  },
);
const { text: summary, exitCode } = summarize(outcomes);
if (values.json) process.stdout.write(`${JSON.stringify(outcomesJson(outcomes), null, 2)}\n`);
else if (chosen.length > 1 || exitCode !== 0) process.stdout.write(`\n${summary}`);
// A section that did not stop in its grace period may still hold handles; everything is printed.
process.stdout.write('', () => process.exit(exitCode));
