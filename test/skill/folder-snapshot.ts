import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `dir` by its `/`-separated path, with its content: what a test compares before and after. */
export async function folderSnapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const pairs = await Promise.all(files.map(async (file) => [relative(dir, file).split(sep).join('/'), await readFile(file, 'utf8')] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : 1)));
}
