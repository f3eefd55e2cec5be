import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { promptText } from './loop.js';

export const NAME = 'reusable_template';

export const argsSchema = {
  task: z.string().describe('What the template should do, e.g. "blog header image from a title"'),
  inputs: z.string().optional().describe('What changes from run to run, e.g. "title, color palette"'),
};

const PATTERN = [
  "- One input:* node per thing that varies, each with a clear id and label (they become the run's inputs by node id) and a sensible default in config.",
  '- Everything else fixed in config. output:result nodes for each deliverable.',
  '- Save with tags ["template"] and a description that lists the inputs. Finish by showing the user the execute_workflow call',
  '  (workflowId and inputs) and the webhookUrl from save_workflow, which runs it without a key.',
].join('\n');

export function registerReusableTemplatePrompt(server: McpServer): void {
  server.registerPrompt(
    NAME,
    { title: 'Reusable template', description: 'Turn a generation task into a saved, parameterised workflow others can run with different inputs', argsSchema },
    ({ task, inputs }): GetPromptResult => {
      const goal = `Build a reusable workflow template for: ${task}.${inputs ? ` Its inputs: ${inputs}.` : ''}`;
      return { messages: [{ role: 'user', content: { type: 'text', text: promptText(goal, PATTERN) } }] };
    },
  );
}
