import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerProductShotToVideoPrompt } from './product-shot-to-video.js';
import { registerReusableTemplatePrompt } from './reusable-template.js';
import { registerVariationsAndUpscalePrompt } from './variations-and-upscale.js';

export function registerPrompts(server: McpServer): void {
  registerProductShotToVideoPrompt(server);
  registerVariationsAndUpscalePrompt(server);
  registerReusableTemplatePrompt(server);
}
