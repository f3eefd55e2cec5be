import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PipewrightError } from '../../errors/index.js';

/** The tag that marks a workflow as a template: bundled ones carry it, and importing adds it. */
export const TEMPLATE_TAG = 'template';

export interface BundledTemplate {
  /** The file name in the templates folder, e.g. `product-shot.json`. */
  file: string;
  name: string;
  /** The workflow as written: name, description, tags, nodes, edges. */
  workflow: Record<string, unknown>;
}

/**
 * Every `*.json` workflow in `dir`, in file-name order. The folder may be the user's
 * (`templates import --dir`), so a missing folder or a file that is not a named workflow is
 * refused by name, before anything is imported.
 */
export async function loadTemplates(dir: string): Promise<BundledTemplate[]> {
  const files = (await listFolder(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => {
      const workflow = parseOrUndefined(await readFile(join(dir, file), 'utf8'));
      if (!isNamedWorkflow(workflow)) {
        throw new PipewrightError('invalid_template', `Template ${file} is not a JSON workflow with a name`, { details: { file } });
      }
      return { file, name: workflow.name, workflow };
    }),
  );
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    throw new PipewrightError('templates_not_found', `No templates folder at ${dir}`, { details: { dir } });
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isNamedWorkflow(value: unknown): value is Record<string, unknown> & { name: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { name?: unknown }).name === 'string';
}
