import { CognitoError } from './cognito-error.js';
import type { Clock } from './clock.js';

/**
 * A switchable request limit, off by default, to exercise clients' handling of Cognito's
 * `TooManyRequestsException` (sent with status 400, aws/aws-sdk-java#2301; the `Rate exceeded`
 * text is UNCONFIRMED).
 */
export interface ThrottleConfig {
  /** Reject the next N calls, then let calls through again. */
  rejectNext?: number;
  /** Allow at most this many calls per window; the rest are rejected. */
  maxRequests?: number;
  /** Window for `maxRequests`, in ms. Default 1000. */
  windowMs?: number;
  /** Only these operations (e.g. `InitiateAuth`) count and are rejected. Default: all. */
  operations?: string[];
}

export class Throttle {
  private config: ThrottleConfig | undefined;
  private rejectLeft = 0;
  private windowStart = 0;
  private windowCount = 0;

  constructor(private readonly clock: Clock) {}

  set(config: ThrottleConfig | undefined): void {
    this.config = config;
    this.rejectLeft = config?.rejectNext ?? 0;
    this.windowStart = this.clock.now();
    this.windowCount = 0;
  }

  check(operation: string): void {
    const config = this.config;
    if (!config) return;
    if (config.operations && !config.operations.includes(operation)) return;
    if (this.rejectLeft > 0) {
      this.rejectLeft -= 1;
      throw tooManyRequests();
    }
    if (config.maxRequests === undefined) return;
    const now = this.clock.now();
    if (now - this.windowStart >= (config.windowMs ?? 1000)) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount += 1;
    if (this.windowCount > config.maxRequests) throw tooManyRequests();
  }
}

const tooManyRequests = () => new CognitoError('TooManyRequestsException', 'Rate exceeded');
