/**
 * How a tool behaves, in the MCP annotations' terms (hints a client may show or act on). A tool
 * that writes says whether what it changes can be lost.
 */
export type ToolHints =
  | { readOnlyHint: true; idempotentHint: boolean; openWorldHint: boolean }
  | { readOnlyHint: false; destructiveHint: boolean; idempotentHint: boolean; openWorldHint: boolean };

/** Changes nothing, answers the same when asked twice, and reaches no provider. */
export const READ_ONLY: ToolHints = { readOnlyHint: true, idempotentHint: true, openWorldHint: false };

/** A tool's registration config. Its title is also the annotations' title, which some clients show instead. */
export function toolConfig<Input, Output>({
  hints,
  ...tool
}: {
  title: string;
  description: string;
  inputSchema: Input;
  outputSchema: Output;
  hints: ToolHints;
}) {
  return { ...tool, annotations: { title: tool.title, ...hints } };
}
