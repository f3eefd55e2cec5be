import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type FalSchemaPair, readClientSchemas, readFalSchemas } from './fal-source.js';
import { fileNameOf, today, writeSnapshot } from './snapshot-file.js';
import { strictInput } from './strict.js';

export interface FalRefresh {
  gitDir: string;
  /** The ref holding fal's JSON Schemas (pull request #212). */
  ref: string;
  /** The ref whose client types list the endpoints fal serves today. */
  mainRef: string;
  folder: string;
}

/**
 * Writes one snapshot per endpoint into `folder` and removes the ones no endpoint uses. Answers
 * the endpoints the schema package lacks: each is written from fal's client types when the client
 * still lists it (a weaker check: no ranges), and is otherwise left without a snapshot.
 */
export async function refreshFal(endpoints: readonly string[], options: FalRefresh): Promise<string[]> {
  const published = await readFalSchemas({ gitDir: options.gitDir, ref: options.ref });
  const client = readClientSchemas({ gitDir: options.gitDir, ref: options.mainRef });
  const missing: string[] = [];
  let written = 0;
  for (const endpoint of endpoints) {
    const fromSchemas = published.get(endpoint);
    const fromClient = client.get(endpoint);
    if (fromSchemas === undefined) {
      missing.push(
        fromClient === undefined
          ? `fal ${endpoint}: not in ${options.ref}, and fal's client (${options.mainRef}) no longer lists it: no snapshot`
          : `fal ${endpoint}: not in ${options.ref}; written from fal's client types (${options.mainRef}): names and enums, no ranges`,
      );
    } else if (fromClient === undefined) {
      console.warn(`warning: fal ${endpoint} has a schema but fal's client (${options.mainRef}) no longer lists it`);
    } else {
      warnOnDrift(endpoint, fromSchemas, fromClient);
    }
    const pair = fromSchemas ?? fromClient;
    if (pair === undefined) continue;
    const snapshot = { endpoint, source: pair.source, retrieved: today(), input: strictInput(pair.input), output: pair.output };
    if (writeSnapshot(join(options.folder, fileNameOf(endpoint)), snapshot)) written++;
  }
  const kept = new Set(endpoints.map(fileNameOf));
  for (const file of readdirSync(options.folder).filter((name) => name.endsWith('.json') && !kept.has(name))) {
    rmSync(join(options.folder, file));
    console.log(`removed ${file}: no catalog entry uses it`);
  }
  console.log(`fal: ${endpoints.length - missing.length}/${endpoints.length} endpoints from ${options.ref}, ${written} file(s) changed`);
  return missing;
}

/** The schema package predates the client's types: say when they name different fields. */
function warnOnDrift(endpoint: string, published: FalSchemaPair, client: FalSchemaPair): void {
  const keys = (pair: FalSchemaPair) => new Set(Object.keys((pair.input.properties ?? {}) as object));
  const [old, current] = [keys(published), keys(client)];
  const added = [...current].filter((key) => !old.has(key));
  const dropped = [...old].filter((key) => !current.has(key));
  if (added.length + dropped.length === 0) return;
  console.warn(`warning: fal ${endpoint}: fal's client now has fields ${JSON.stringify(added)} and no longer ${JSON.stringify(dropped)}`);
}
