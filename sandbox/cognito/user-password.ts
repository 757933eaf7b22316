import { makeVerifier, poolNameOf } from './srp.js';
import type { User, UserPool } from './state.js';

/**
 * A new password comes with a new salt and SRP verifier, so `USER_SRP_AUTH` proves the same
 * password `USER_PASSWORD_AUTH` checks.
 */
export function setPassword(pool: UserPool, user: User, password: string): void {
  user.password = password;
  user.srp = makeVerifier(poolNameOf(pool.id), user.username, password);
}
