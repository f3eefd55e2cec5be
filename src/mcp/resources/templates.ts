import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { PipewrightError } from '../../errors/index.js';
import { startingWith } from '../completions.js';
import { guardedRead } from './contents.js';
import { variable } from './variable.js';

/** The name is the only part of the path a client chooses, so it may not step out of the folder. */
const TEMPLATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The skill's bundled workflow templates (`<dir>/<name>.json`) as `pipewright://templates/{name}`.
 * A missing folder is an empty list, not an error: installations without the skill still serve.
 */
export function registerTemplateResources(server: McpServer, dir: string): void {
  const list = guardedRead(server, async () => ({
    resources: (await templateNames(dir)).map((name) => ({
      uri: `pipewright://templates/${name}`,
      name,
      mimeType: 'application/json',
    })),
  }));
  server.registerResource(
    'template',
    new ResourceTemplate('pipewright://templates/{name}', {
      list,
      complete: { name: guardedRead(server, async (prefix: string) => startingWith(await templateNames(dir), prefix)) },
    }),
    {
      title: 'Workflow template',
      description: 'A ready-made workflow to adapt: read it, change inputs and config, then validate and save',
      mimeType: 'application/json',
    },
    guardedRead(server, async (uri: URL, variables) => {
      const name = variable(variables, 'name');
      if (!TEMPLATE_NAME.test(name) || !(await templateNames(dir)).includes(name)) {
        throw new PipewrightError('not_found', `No template ${name}; resources/list shows the templates`);
      }
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: await readFile(join(dir, `${name}.json`), 'utf8') }] };
    }),
  );
}

async function templateNames(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .filter((name) => TEMPLATE_NAME.test(name))
    .sort();
}
