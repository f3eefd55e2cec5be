import type { ExecutionStatus, NodeStatus } from '../../engine/index.js';
import { artifactIdOf } from '../../artifacts/index.js';
import type { ExecutionRecord, NodeRunRecord } from '../../store/index.js';
import type { PollView } from '../wire/index.js';

/** Provider URLs, and references to stored files, which each face renders as its own URL. */
const isUrl = (value: string) => /^https?:\/\//i.test(value) || artifactIdOf(value) !== undefined;

/** compat: the cheap top-level status hosted clients poll. */
export function pollView(record: ExecutionRecord, nodes: NodeRunRecord[]): PollView {
  return {
    executionId: record.id,
    status: record.status as ExecutionStatus,
    nodeStates: nodes.map(nodeState),
    finalOutput: record.finalOutput,
    error: typeof record.error?.message === 'string' ? record.error.message : null,
  };
}

function nodeState(node: NodeRunRecord): PollView['nodeStates'][number] {
  const { urls, list } = urlsOf(node.output ?? {});
  return {
    nodeId: node.nodeId,
    label: node.label,
    status: node.status as NodeStatus,
    error: node.error?.message ?? null,
    outputUrl: urls[0] ?? null,
    outputUrls: urls.length > 1 || list ? urls : null,
    text: textOf(node.output ?? {}),
    progress: node.progress ?? null,
  };
}

/** Every distinct URL among the outputs, in port order; `list` when any came from a list. */
function urlsOf(output: Record<string, unknown>): { urls: string[]; list: boolean } {
  const urls = new Set<string>();
  let list = false;
  for (const value of Object.values(output)) {
    const items = Array.isArray(value) ? value : [value];
    const found = items.filter((item): item is string => typeof item === 'string' && isUrl(item));
    if (Array.isArray(value) && found.length > 0) list = true;
    for (const url of found) urls.add(url);
  }
  return { urls: [...urls], list };
}

/** The `text` port when there is one, else the first output that is text and not a URL. */
function textOf(output: Record<string, unknown>): string | null {
  const candidates = 'text' in output ? [output.text, ...Object.values(output)] : Object.values(output);
  const text = candidates.find((value): value is string => typeof value === 'string' && !isUrl(value));
  return text ?? null;
}
