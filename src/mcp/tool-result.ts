import type { CallToolResult, ContentBlock } from '@modelcontextprotocol/sdk/types.js';

/**
 * A successful tool result: `structuredContent` for clients that read it, and the same data as
 * text after a one-line summary, for the many clients that only show `content` to the model.
 */
export function toolResult(structured: Record<string, unknown>, summary: string, extra: ContentBlock[] = []): CallToolResult {
  return {
    structuredContent: structured,
    content: [{ type: 'text', text: `${summary}\n${JSON.stringify(structured)}` }, ...extra],
  };
}

export function toolErrorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}
