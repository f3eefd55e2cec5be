/** A clock tests move by hand: timestamps, expiry and "once a minute" without sleeping. */
export class ManualClock {
  #ms: number;

  constructor(start = '2026-03-01T12:00:00.000Z') {
    this.#ms = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.#ms);

  advance(ms: number): void {
    this.#ms += ms;
  }
}
