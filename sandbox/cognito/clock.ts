/** Where the stand-in reads the time: tests pass their own to expire sessions and tokens. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
