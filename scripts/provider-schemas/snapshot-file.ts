import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/** One endpoint's stored schemas: test/providers/schemas/<provider>/<endpoint with / as __>.json. */
export interface SnapshotFile {
  endpoint: string;
  source: Record<string, unknown>;
  /** YYYY-MM-DD: when the schemas were read from the source. */
  retrieved: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

export const fileNameOf = (endpoint: string): string => `${endpoint.replaceAll('/', '__')}.json`;

export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Writes `snapshot` unless the file already holds the same source and schemas, so a refresh that
 * finds nothing new leaves the tree (and its retrieved dates) untouched. Answers whether it wrote.
 */
export function writeSnapshot(path: string, snapshot: SnapshotFile): boolean {
  if (existsSync(path)) {
    const { retrieved: _old, ...stored } = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
    const { retrieved: _new, ...fresh } = snapshot;
    if (isDeepStrictEqual(stored, fresh)) return false;
  }
  writeFileSync(path, `${JSON.stringify(snapshot, null, 2)}\n`);
  return true;
}

/** What is wrong with a stored snapshot's shape, as messages (empty when it is well-formed). */
export function snapshotProblems(value: unknown, endpoint: string): string[] {
  const file = value as Partial<SnapshotFile>;
  const problems: string[] = [];
  if (file.endpoint !== endpoint) problems.push(`endpoint is ${JSON.stringify(file.endpoint)}, expected ${endpoint}`);
  if (typeof file.source !== 'object' || file.source === null) problems.push('source is missing');
  if (typeof file.retrieved !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(file.retrieved)) problems.push('retrieved is not YYYY-MM-DD');
  if (typeof file.input !== 'object' || file.input === null) problems.push('input schema is missing');
  if (typeof file.output !== 'object' || file.output === null) problems.push('output schema is missing');
  return problems;
}
