/** Wait between status checks: starts at `initialMs`, grows ×`factor`, never above `maxMs`. */
export interface PollSettings {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_POLL: PollSettings = { initialMs: 500, factor: 1.5, maxMs: 5_000 };

/** One status check's answer; `value` is the provider's output once `done`. */
export interface PollStep {
  done: boolean;
  value?: unknown;
}
