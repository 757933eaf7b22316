import { randomBytes } from 'node:crypto';
import { missingParameter, notAuthorized } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import type { SignInSession } from '../sessions.js';
import {
  parseTimestamp,
  poolNameOf,
  serverEphemeral,
  signatureMatches,
  validClientPublic,
} from '../srp.js';
import { afterPassword, challenge, type AuthResponse, type SignInTarget } from './sign-in-steps.js';

/**
 * How far `TIMESTAMP` may be from the stand-in's clock. AWS says the claim must come "within a few
 * seconds" of the challenge but accepts client clock skew; the exact window is UNCONFIRMED, so the
 * stand-in allows five minutes either way.
 */
const timestampWindowMs = 5 * 60_000;

const incorrect = () => notAuthorized('Incorrect username or password.');

/**
 * `USER_SRP_AUTH`, or `PASSWORD_SRP` inside `USER_AUTH` (docs/reference/aws-wire-behaviour.md
 * §1.11): the client sends `SRP_A`; the answer is PASSWORD_VERIFIER with the user's salt, the
 * server's `SRP_B` and a `SECRET_BLOCK` the claim must return.
 */
export function startSrp(
  ctx: OperationContext,
  target: SignInTarget,
  srpA: string | undefined,
): AuthResponse {
  if (srpA === undefined || srpA === '') throw missingParameter('SRP_A');
  // Text UNCONFIRMED: AWS refuses an `SRP_A` that is 0 mod N, which would prove nothing.
  if (!validClientPublic(srpA)) throw notAuthorized('Incorrect username or password.');
  const { user } = target;
  if (user.srp === undefined) throw incorrect();
  const { b, B } = serverEphemeral(user.srp.verifier);
  const secretBlock = randomBytes(64).toString('base64');
  return challenge(
    ctx,
    target,
    'PASSWORD_VERIFIER',
    {
      SALT: user.srp.salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: B,
      USERNAME: user.username,
      USER_ID_FOR_SRP: user.username,
    },
    { srp: { srpA, b, B, secretBlock } },
  );
}

/**
 * The PASSWORD_VERIFIER answer proves the password without sending it: the secret block must be
 * the one handed out, the timestamp recent, and the signature the one only the password gives.
 * Any failure reads like a wrong password, as AWS answers it.
 */
export async function verifyPasswordClaim(
  ctx: OperationContext,
  target: SignInTarget,
  session: SignInSession,
  responses: Record<string, string>,
): Promise<AuthResponse> {
  const { srp } = session;
  const { user, pool } = target;
  if (srp === undefined || user.srp === undefined) throw incorrect();
  if (responses.PASSWORD_CLAIM_SECRET_BLOCK === undefined) {
    throw missingParameter('PASSWORD_CLAIM_SECRET_BLOCK');
  }
  if (responses.PASSWORD_CLAIM_SIGNATURE === undefined) {
    throw missingParameter('PASSWORD_CLAIM_SIGNATURE');
  }
  if (responses.TIMESTAMP === undefined) throw missingParameter('TIMESTAMP');
  if (responses.PASSWORD_CLAIM_SECRET_BLOCK !== srp.secretBlock) throw incorrect();
  const sent = parseTimestamp(responses.TIMESTAMP);
  if (sent === undefined || Math.abs(ctx.clock.now() - sent) > timestampWindowMs) {
    throw incorrect();
  }
  const claim = {
    poolName: poolNameOf(pool.id),
    userId: user.username,
    srpA: srp.srpA,
    b: srp.b,
    B: srp.B,
    verifier: user.srp.verifier,
    secretBlock: srp.secretBlock,
    timestamp: responses.TIMESTAMP,
  };
  if (!signatureMatches(claim, responses.PASSWORD_CLAIM_SIGNATURE)) throw incorrect();
  return afterPassword(ctx, target);
}
