import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A way to start `pipewright mcp`: `node <args>`, from the repository root. */
export interface McpEntry {
  name: string;
  args: string[];
}

export interface SkippedEntry {
  name: string;
  reason: string;
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const SOURCE: McpEntry = { name: 'source (tsx)', args: ['--import', 'tsx', 'src/cli/main.ts', 'mcp'] };
const BUILT: McpEntry = { name: 'built (dist)', args: ['dist/bin/pipewright.js', 'mcp'] };

/**
 * The built CLI is what users run (`npx pipewright mcp`); from source, tsx compiles on the fly,
 * which is what contributors and the tests see. A dist/ built before the mcp command existed
 * would fail every run, so it is skipped with the reason rather than measured.
 */
export function mcpEntries(): { entries: McpEntry[]; skipped: SkippedEntry[] } {
  const at = (path: string) => existsSync(new URL(path, `file://${ROOT}`));
  if (!at('dist/bin/pipewright.js')) return { entries: [SOURCE], skipped: [{ name: BUILT.name, reason: 'no bundled dist/bin/: run `npm run build`' }] };
  if (!at('dist/cli/commands/mcp.js'))
    return { entries: [SOURCE], skipped: [{ name: BUILT.name, reason: 'dist/ predates the mcp command: run `npm run build`' }] };
  return { entries: [BUILT, SOURCE], skipped: [] };
}

export const commandLine = (entry: McpEntry): string => `node ${entry.args.join(' ')}`;
