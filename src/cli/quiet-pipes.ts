/**
 * A reader that stops early (`pipewright nodes | head -1`) closes its end of the pipe, and the
 * next write fails with EPIPE. As with any Unix tool, that ends the command quietly, with status 0:
 * the reader has what it wanted. Without a listener the failed write would be an uncaught 'error'
 * event and a stack trace. Any other stream error is left to fail loudly, as before.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}
