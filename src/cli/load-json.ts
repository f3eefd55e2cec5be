import { readFile } from 'node:fs/promises';
import { PipewrightError } from '../errors/index.js';

const MAX_FILE_BYTES = 1024 * 1024;

/** Reads a workflow file; every way it can be unreadable is a `unreadable_file` error naming the file. */
export async function loadJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new PipewrightError('unreadable_file', `${path} is ${bytes.length} bytes; a workflow is at most 1 MiB`);
    }
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof PipewrightError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new PipewrightError('unreadable_file', `Cannot read ${path}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PipewrightError('unreadable_file', `${path} is not valid JSON: ${(error as Error).message}`);
  }
}
