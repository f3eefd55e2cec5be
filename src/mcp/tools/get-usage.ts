import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Backend } from '../../backend/index.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'get_usage';

export const inputSchema = {};

const Day = z.looseObject({
  date: z.string().describe('UTC day, YYYY-MM-DD'),
  credits: z.number().describe('Credits used that day'),
  executions: z.number().describe('Executions started that day'),
});

export const outputSchema = {
  plan: z.string().describe('free, starter, pro or enterprise'),
  balance: z.number().describe('Credits left'),
  usedToday: z.looseObject({
    credits: z.number().describe('Credits used today'),
    executions: z.number().describe('Executions started today'),
  }).describe('Today so far (UTC)'),
  history: z.array(Day).describe('Recent days'),
  limits: z.looseObject({
    requestsPerMinute: z.number().describe('Request rate limit'),
    executionsPerMinute: z.number().describe('Execution rate limit'),
    executionsPerDay: z.number().nullable().describe('Daily execution limit; null means unlimited'),
  }).describe('The plan\'s limits'),
};

export const config = {
  title: 'Get credit usage',
  description:
    'The account\'s credit balance, today\'s usage, recent daily history and plan limits. Use it when a run is refused for credits or the user asks what is left.',
  inputSchema,
  outputSchema,
  annotations: { title: 'Get credit usage', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export function registerGetUsageTool(server: McpServer, backend: Backend): void {
  server.registerTool(NAME, config, guarded(server, async () => {
    const usage = await backend.getUsage();
    return toolResult({ ...usage }, `${usage.balance} credits left on the ${usage.plan} plan; ${usage.usedToday.credits} used today.`);
  }));
}
