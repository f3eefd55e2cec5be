import { withCleanup } from '../support/scope.js';
import type { SectionContext } from '../support/sections.js';
import { tempHome } from '../support/temp-home.js';
import { commandLine, mcpEntries } from './entries.js';
import { timePolls, type PollOptions } from './poll.js';
import type { McpBenchReport, McpEntryResult } from './results.js';
import { connectMcp } from './session.js';
import { timeStartups } from './startup.js';
import { mcpTargets } from './targets.js';

export { formatMcpReport } from './report.js';
export type { McpBenchReport, McpEntryResult } from './results.js';

export interface McpBenchOptions {
  /** Timed starts per entry, after its first start on a new home. */
  startupRuns: number;
  pollWarmup: PollOptions['warmup'];
  pollCalls: PollOptions['calls'];
}

export const DEFAULT_MCP_BENCH_OPTIONS: McpBenchOptions = { startupRuns: 20, pollWarmup: 200, pollCalls: 2_000 };

const progress = (message: string): boolean => process.stderr.write(`bench/mcp: ${message}\n`);

export function runMcpBench(overrides: Partial<McpBenchOptions> = {}, context?: SectionContext): Promise<McpBenchReport> {
  const options = { ...DEFAULT_MCP_BENCH_OPTIONS, ...overrides };
  const { entries, skipped } = mcpEntries();
  return withCleanup(async (defer) => {
    const homes = await Promise.all(entries.map(() => tempHome(defer, 'mcp')));
    progress(`timing ${options.startupRuns} starts of ${entries.map((e) => e.name).join(', ')}…`);
    const startups = await timeStartups(entries, homes, options.startupRuns);
    for (const [i, entry] of entries.entries()) {
      const s = startups[i]!;
      context?.figure(`${entry.name} start: first ${s.firstStartMs.toFixed(0)} ms, median ${s.medianMs.toFixed(0)} ms, p95 ${s.p95Ms.toFixed(0)} ms`);
    }
    const results: McpEntryResult[] = [];
    for (const [i, entry] of entries.entries()) {
      progress(`${entry.name}: ${options.pollCalls} poll_execution calls…`);
      const session = await connectMcp(entry, homes[i]!);
      defer(() => session.close());
      const poll = await timePolls(session, { warmup: options.pollWarmup, calls: options.pollCalls });
      await session.close();
      context?.figure(
        `${entry.name} poll_execution: median ${poll.medianMs.toFixed(3)} ms, p99 ${poll.p99Ms.toFixed(3)} ms, ${poll.callsPerSec.toFixed(0)} calls/s`,
      );
      results.push({ name: entry.name, command: commandLine(entry), startup: startups[i]!, poll });
    }
    return {
      node: process.version,
      startupRuns: options.startupRuns,
      pollWarmup: options.pollWarmup,
      pollCalls: options.pollCalls,
      entries: results,
      skipped,
      targets: mcpTargets(results),
    };
  }, context?.signal);
}
