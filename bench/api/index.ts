import { forkServer } from '../support/child.js';
import { loadEndpoint, loadFigure, type Endpoint, type LoadOptions } from '../support/load.js';
import { forkPipewright } from '../support/pipewright-server.js';
import { withCleanup } from '../support/scope.js';
import type { SectionContext } from '../support/sections.js';
import { tempHome } from '../support/temp-home.js';
import type { CeilingServerInfo } from './ceiling-process.js';
import type { ApiBenchReport } from './results.js';
import { seedWorkflow } from './seed.js';
import { apiTargets, CEILING, GET_WORKFLOW, LINT } from './targets.js';

export { formatApiReport } from './report.js';
export type { ApiBenchReport, EndpointResult } from './results.js';

export interface ApiBenchOptions extends LoadOptions {
  /** pipewright's log level during the bench; `info` adds one access-log line per request. */
  logLevel: string;
  /** When set, the pipewright server runs with `--cpu-prof` and writes its profile here. */
  profileDir?: string;
}

export const DEFAULT_API_BENCH_OPTIONS: ApiBenchOptions = { connections: 50, durationSec: 10, warmupSec: 2, logLevel: 'warn' };

export function runApiBench(overrides: Partial<ApiBenchOptions> = {}, context?: SectionContext): Promise<ApiBenchReport> {
  const options = { ...DEFAULT_API_BENCH_OPTIONS, ...overrides };
  return withCleanup(async (defer) => {
    const home = await tempHome(defer, 'api');
    const pipewright = await forkPipewright(defer, {
      home,
      logLevel: options.logLevel,
      ...(options.profileDir !== undefined && { profileDir: options.profileDir }),
    });
    const { url, key } = pipewright.info;
    const seeded = await seedWorkflow(url, key);
    const ceiling = await forkServer<CeilingServerInfo>({ entry: new URL('./ceiling-process.ts', import.meta.url), args: [seeded.getBody] });
    defer(() => ceiling.stop());
    // The ceiling gets the same request headers, so both parse requests of the same size.
    const headers = { Authorization: `Bearer ${key}` };
    const endpoints: Endpoint[] = [
      { name: CEILING, url: ceiling.info.url, method: 'GET', headers, server: ceiling },
      { name: GET_WORKFLOW, url: seeded.workflowUrl, method: 'GET', headers, server: pipewright },
      {
        name: LINT,
        url: `${url}/api/v1/workflows/lint`,
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: seeded.workflowJson,
        server: pipewright,
      },
    ];
    const measured = [];
    for (const endpoint of endpoints) {
      const result = await loadEndpoint(endpoint, options);
      context?.figure(loadFigure(result));
      measured.push(result);
    }
    const ceilingRate = measured[0]!.reqPerSec;
    const results = measured.map((m) => ({ ...m, ratioToCeiling: m.reqPerSec / ceilingRate }));
    return {
      node: process.version,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      logLevel: options.logLevel,
      responseBytes: Buffer.byteLength(seeded.getBody),
      lintBodyBytes: Buffer.byteLength(seeded.workflowJson),
      endpoints: results,
      targets: apiTargets(results.find((r) => r.endpoint === GET_WORKFLOW)!, options.connections),
    };
  }, context?.signal);
}
