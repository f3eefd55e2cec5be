import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `npm run build` makes of web/mcp-app (with web/shared): the page the MCP server serves. */
export const BUILT_APP_PAGE = fileURLToPath(new URL('../../dist/mcp-app/execution.html', import.meta.url));
const PAGE_SOURCES = ['web/mcp-app', 'web/shared'].map((dir) => fileURLToPath(new URL(`../../${dir}`, import.meta.url)));

/** Refuses to test a page older than its sources, as assertFreshBuild (test/support/built-cli.ts) does for the CLI. */
export function assertFreshAppPage(): void {
  let built: number;
  try {
    built = statSync(BUILT_APP_PAGE).mtimeMs;
  } catch {
    throw new Error(`${BUILT_APP_PAGE} does not exist: run \`npm run build\` first`);
  }
  for (const path of PAGE_SOURCES.flatMap(files)) {
    if (statSync(path).mtimeMs > built) throw new Error(`the MCP App page is stale (${path} changed after the last build): run \`npm run build\``);
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}
