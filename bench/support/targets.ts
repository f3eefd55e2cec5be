/** A target from an issue, checked on measured figures: information only, never an exit code. */
export interface TargetResult {
  target: string;
  actual: string;
  met: boolean;
}

export function formatTargets(targets: readonly TargetResult[]): string[] {
  return targets.map((t) => `  ${t.met ? '✓' : '✗'} ${t.target}: ${t.actual}`);
}
