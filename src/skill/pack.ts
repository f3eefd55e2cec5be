import { readFile, writeFile } from 'node:fs/promises';
import { zipSync, type Zippable } from 'fflate';
import { skillFiles } from './files.js';
import { PACKAGE_ROOT, SKILL_NAME } from './paths.js';

// A fixed timestamp makes the same files give the same zip, whenever and wherever it is packed.
const MTIME = new Date('2025-01-01T00:00:00Z');

/** The skill as a zip whose one root folder is `pipewright/`, the shape Claude's skill upload takes. */
export async function skillZip(root: string = PACKAGE_ROOT): Promise<Uint8Array> {
  const entries: Zippable = {};
  for (const file of await skillFiles(root)) {
    entries[`${SKILL_NAME}/${file.path}`] = [await readFile(file.absolute), { mtime: MTIME }];
  }
  return zipSync(entries, { level: 9 });
}

export async function packSkill(options: { out: string; root?: string }): Promise<{ out: string; bytes: number }> {
  const zip = await skillZip(options.root);
  await writeFile(options.out, zip);
  return { out: options.out, bytes: zip.byteLength };
}
