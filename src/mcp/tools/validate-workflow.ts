import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { SaveBodySchema } from '../../service/index.js';
import { ViolationOutput, WarningsOutput } from '../schemas/graph.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'validate_workflow';

const { nodes, edges } = SaveBodySchema.shape;

/** A workflow's graph: what lint judges. */
export const inputSchema = { nodes, edges };

export const outputSchema = {
  ok: z.boolean().describe('true when the graph has no violations (warnings never block)'),
  violations: z.array(ViolationOutput).describe('Every problem found, each with a fix'),
  warnings: WarningsOutput,
};

export const config = toolConfig({
  title: 'Validate a workflow graph',
  description:
    'Checks a graph without saving or running it: node types, handles, port types, cycles, required inputs, config. Returns every violation at once with a concrete fix. ' +
    'Call it after drafting and after each fix until ok is true; then save_workflow, estimate_workflow or execute_workflow.',
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerValidateWorkflowTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async ({ nodes, edges }) => {
      const result = await backend.validateWorkflow({ nodes, edges: edges ?? [] });
      const summary = result.ok
        ? `Valid, ${result.warnings.length} warning(s).`
        : `${result.violations.length} violation(s): ${result.violations.map((v) => `${v.message}${v.fix ? ` (fix: ${v.fix})` : ''}`).join('; ')}`;
      return toolResult({ ...result }, summary);
    }),
  );
}
