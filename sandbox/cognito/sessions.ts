import { notAuthorized } from './cognito-error.js';
import { sessionString } from './ids.js';
import type { Clock } from './clock.js';

/** What a `Session` string stands for: the next step the user is expected to take. */
export interface SignInSession {
  userPoolId: string;
  clientId: string;
  username: string;
  /** The ChallengeName that must answer it, or `SIGN_UP` / `CONFIRMED_SIGN_UP` for sign-up sessions. */
  step: string;
  /** For `SELECT_CHALLENGE`. */
  availableChallenges?: string[];
  /** The one-time code sent for `EMAIL_OTP` / `SMS_OTP`. */
  expectedCode?: string;
  /** For `PASSWORD_VERIFIER`: the SRP exchange the claim must prove. */
  srp?: SrpExchange;
}

/** The client's `SRP_A`, the server's ephemeral pair and the `SECRET_BLOCK` handed out. */
export interface SrpExchange {
  srpA: string;
  b: string;
  B: string;
  secretBlock: string;
}

interface StoredSession extends SignInSession {
  expiresAt: number;
  used: boolean;
}

/**
 * Session strings are single-use and expire after the app client's `AuthSessionValidity` minutes
 * (default 3, docs/reference/aws-wire-behaviour.md §1.8). Error texts: `Invalid session for the
 * user.` is observed (aws-amplify/amplify-js#5834); the `, session is expired.` and `, session can
 * only be used once.` variants are UNCONFIRMED.
 */
export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  constructor(private readonly clock: Clock) {}

  open(session: SignInSession, validityMinutes: number): string {
    this.prune();
    const id = sessionString();
    const expiresAt = this.clock.now() + validityMinutes * 60_000;
    this.sessions.set(id, { ...session, expiresAt, used: false });
    return id;
  }

  /** Validates and consumes a session: a second use fails, whatever the first one's outcome. */
  take(id: string | undefined, clientId: string): SignInSession {
    const stored = id === undefined ? undefined : this.sessions.get(id);
    if (!stored || stored.clientId !== clientId)
      throw notAuthorized('Invalid session for the user.');
    if (stored.used) {
      throw notAuthorized('Invalid session for the user, session can only be used once.');
    }
    if (stored.expiresAt <= this.clock.now()) {
      throw notAuthorized('Invalid session for the user, session is expired.');
    }
    stored.used = true;
    return stored;
  }

  private prune(): void {
    if (this.sessions.size < 1000) return;
    const now = this.clock.now();
    for (const [id, stored] of this.sessions) {
      if (stored.used || stored.expiresAt <= now) this.sessions.delete(id);
    }
  }
}
