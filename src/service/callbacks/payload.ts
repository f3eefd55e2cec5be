import { artifactIdOf } from '../../artifacts/index.js';
import type { ExecutionRecord, NodeRunRecord } from '../../store/index.js';
import type { ArtifactLinkService } from '../contracts.js';
import { renderArtifactRefs } from '../artifacts/index.js';
import { compatPoll } from '../executions/compat-poll.js';
import { pollView } from '../executions/poll-view.js';
import type { Links } from '../workflows/links.js';

const EVENT_TYPES: Record<string, string> = {
  COMPLETED: 'execution.completed',
  FAILED: 'execution.failed',
  CANCELLED: 'execution.cancelled',
};

export interface PayloadLinks {
  links: Links;
  artifacts: Pick<ArtifactLinkService, 'sign'>;
}

/**
 * What a callback POSTs, built at send time from the store: the event, when the execution ended,
 * and the compat poll shape `GET …/poll` answers, its files as signed absolute URLs (fresh on each
 * attempt, so a late redelivery does not carry expired links).
 */
export async function callbackPayload(record: ExecutionRecord, nodes: NodeRunRecord[], urls: PayloadLinks): Promise<string> {
  const data = await renderArtifactRefs(compatPoll(pollView(record, nodes)), {
    idOf: artifactIdOf,
    url: async (id) => urls.links.artifact(id, await urls.artifacts.sign(id)),
  });
  return JSON.stringify({ type: EVENT_TYPES[record.status] ?? 'execution.failed', timestamp: record.endedAt ?? record.createdAt, data });
}
