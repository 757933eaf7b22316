import type { Clock } from './clock.js';

export type DeliveryMedium = 'EMAIL' | 'SMS';

/** A one-time code "sent" to a user; readable at `GET /__sandbox/outbox?username=U`. */
export interface DeliveredCode {
  username: string;
  userPoolId: string;
  medium: DeliveryMedium;
  code: string;
  /** ISO 8601. */
  sentAt: string;
}

/** In-memory stand-in for SES / SNS. Codes are never written to stdout or stderr. */
export class Outbox {
  private readonly messages: DeliveredCode[] = [];

  constructor(private readonly clock: Clock) {}

  deliver(message: Omit<DeliveredCode, 'sentAt'>): void {
    this.messages.push({ ...message, sentAt: new Date(this.clock.now()).toISOString() });
    if (this.messages.length > 500) this.messages.shift();
  }

  /** The latest code for a user name (case-insensitive, as pools are), optionally in one pool. */
  latest(username: string, userPoolId?: string): DeliveredCode | undefined {
    const wanted = username.toLowerCase();
    for (let i = this.messages.length - 1; i >= 0; i -= 1) {
      const message = this.messages[i] as DeliveredCode;
      if (message.username.toLowerCase() !== wanted) continue;
      if (userPoolId !== undefined && message.userPoolId !== userPoolId) continue;
      return message;
    }
    return undefined;
  }
}

/** How Cognito shows a destination in `CODE_DELIVERY_DESTINATION`: `a***@e***`, `+*******1234`. */
export function maskDestination(medium: DeliveryMedium, destination: string): string {
  if (medium === 'SMS')
    return `+${'*'.repeat(Math.max(destination.length - 5, 0))}${destination.slice(-4)}`;
  const [local = '', domain = ''] = destination.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}
