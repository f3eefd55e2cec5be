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

/** Every `*.json` workflow in `dir`, in file-name order. A file that is not a named workflow is a bug in the bundle. */
export async function loadTemplates(dir: string): Promise<BundledTemplate[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => {
    const workflow = JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
    if (!isNamedWorkflow(workflow)) {
      throw new PipewrightError('invalid_template', `Template ${file} is not a workflow with a name`, { kind: 'bug', details: { file } });
    }
    return { file, name: workflow.name, workflow };
  }));
}

function isNamedWorkflow(value: unknown): value is Record<string, unknown> & { name: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { name?: unknown }).name === 'string';
}
