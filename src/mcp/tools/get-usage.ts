import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { UsageViewSchema } from '../../service/index.js';
import { READ_ONLY, toolConfig } from '../tool-config.js';
import { guarded } from '../tool-handler.js';
import { toolResult } from '../tool-result.js';

export const NAME = 'get_usage';

export const inputSchema = {};

export const outputSchema = UsageViewSchema.shape;

export const config = toolConfig({
  title: 'Get credit usage',
  description:
    "The account's credit balance, today's usage, recent daily history and plan limits. Use it when a run is refused for credits or the user asks what is left.",
  inputSchema,
  outputSchema,
  hints: READ_ONLY,
});

export function registerGetUsageTool(server: McpServer, backend: Backend): void {
  server.registerTool(
    NAME,
    config,
    guarded(server, async () => {
      const usage = await backend.getUsage();
      return toolResult(
        { ...usage },
        `${usage.balance} credit${usage.balance === 1 ? '' : 's'} left on the ${usage.plan} plan; ${usage.usedToday.credits} used today.`,
      );
    }),
  );
}
