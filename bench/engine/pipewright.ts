import { Engine } from '../../src/engine/index.js';
import { compileOrThrow } from '../../src/graph/index.js';
import { policyFor } from '../../src/net/policy.js';
import type { NodeRegistry } from '../../src/nodes/registry.js';
import type { BenchGraph } from './graphs.js';
import { MemoryArtifactStore } from './memory-artifacts.js';
import type { Runner, RunOnce } from './runner.js';

export interface PipewrightRunnerOptions {
  registry: NodeRegistry;
  /** Both the per-execution and the global limit; large enough that the fan-out is never throttled. */
  concurrency: number;
}

/** Our engine, configured as the CLI runs it, with artifacts kept in memory. */
export function pipewrightRunner({ registry, concurrency }: PipewrightRunnerOptions): Runner {
  return {
    name: 'pipewright',
    async prepare(graph: BenchGraph): Promise<RunOnce> {
      const compiled = compileOrThrow(graph, registry);
      const engine = new Engine({
        registry,
        artifacts: new MemoryArtifactStore(),
        policy: policyFor('cli'),
        concurrency: { perExecution: concurrency, global: concurrency },
      });
      return async () => {
        const state = await engine.execute({ graph: compiled, force: true }).result;
        // A failed run finishes early and would flatter the figures: refuse to report it.
        if (state.status !== 'COMPLETED') {
          throw new Error(`bench: pipewright execution ended ${state.status}: ${JSON.stringify(state.error)}`);
        }
      };
    },
  };
}
