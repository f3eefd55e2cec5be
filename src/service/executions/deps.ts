import { PipewrightError } from '../../errors/index.js';
import type { SecurityPolicy } from '../../net/index.js';
import type { NodeRegistry, Providers } from '../../nodes/index.js';
import type { ExecutionRecord, Store } from '../../store/index.js';
import type { ServiceSettings } from '../settings.js';
import type { Links } from '../workflows/links.js';
import type { Dispatcher } from './dispatcher.js';

export interface ExecutionDeps {
  store: Store;
  registry: NodeRegistry;
  settings: ServiceSettings;
  links: Links;
  dispatcher: Dispatcher;
  /** The network rules a callback URL must pass at admission (the same as node fetches). */
  policy: SecurityPolicy;
  /** False (`PIPEWRIGHT_TRIGGER_CALLBACKS=off`): a webhook trigger that asks for a callback is refused. */
  triggerCallbacks: boolean;
  now: () => Date;
  /** The providers configured here: a real run that needs a missing one is refused before anything is recorded. */
  providers?: Providers;
}

/** Another account's execution is simply not there (never reveal it exists). */
export async function loadExecution(deps: Pick<ExecutionDeps, 'store'>, accountId: string, id: string): Promise<ExecutionRecord> {
  const record = await deps.store.executions.get(accountId, id);
  if (record === undefined) throw new PipewrightError('not_found', `No execution ${id}`);
  return record;
}
