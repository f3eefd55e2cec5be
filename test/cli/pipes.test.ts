import { describe, expect, it } from 'vitest';
import { spawnBuilt } from '../support/built-cli.js';

/** `pipewright <args> | head -1`: the reader takes one line and closes its end of the pipe. */
function firstLineThenClose(args: string[]): Promise<{ line: string; code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnBuilt(args, {});
    child.stdin!.end();
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) child.stdout!.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ line: stdout.split('\n')[0]!, code, signal, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  // --json is one write far larger than a pipe's buffer: the pipe is sure to close under it.
  for (const args of [['nodes'], ['nodes', '--json']]) {
    it(`ends \`pipewright ${args.join(' ')} | head -1\` quietly, with status 0`, async () => {
      const result = await firstLineThenClose(args);
      expect(result.line).not.toBe('');
      expect(result.stderr).toBe('');
      expect([result.code, result.signal]).toEqual([0, null]);
    });
  }
});
