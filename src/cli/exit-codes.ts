/** 0 only on success; 1 when the work ran and failed (or the graph is invalid); 2 when the input could not be used. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

/** A run's exit code by how it ended. */
export function runExitCode(status: string): number {
  return status === 'COMPLETED' ? EXIT.ok : status === 'CANCELLED' ? EXIT.interrupted : EXIT.failed;
}
