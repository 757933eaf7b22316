import {
  codeMismatch,
  invalidParameter,
  missingParameter,
  notAuthorized,
} from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { optionalString, requireString, stringMap, type Input } from '../input.js';
import { assertCanSignIn, findUser, clientOfCall } from '../lookup.js';
import { checkPassword } from '../password-policy.js';
import { checkSecretHash } from '../secret-hash.js';
import type { SignInSession } from '../sessions.js';
import { totpMatches } from '../totp.js';
import { setPassword } from '../user-password.js';
import { verifyPasswordClaim } from './srp-sign-in.js';
import {
  afterPassword,
  mfaOrTokens,
  signedIn,
  startFirstFactor,
  verifyPassword,
  type AuthResponse,
  type SignInTarget,
} from './sign-in-steps.js';

export const respondToAuthChallenge = (ctx: OperationContext, input: Input) =>
  respond(ctx, input, false);
export const adminRespondToAuthChallenge = (ctx: OperationContext, input: Input) =>
  respond(ctx, input, true);

/**
 * Every answer carries `USERNAME` (and `SECRET_HASH` when the client has a secret) in
 * `ChallengeResponses` and the `Session` of the step it answers
 * (docs/reference/aws-wire-behaviour.md §1.5). The session is consumed before the answer is
 * checked: a wrong code means starting again.
 */
async function respond(ctx: OperationContext, input: Input, admin: boolean): Promise<AuthResponse> {
  const { pool, client } = clientOfCall(ctx.state, input, admin);
  const challengeName = requireString(input, 'ChallengeName');
  const responses = stringMap(input, 'ChallengeResponses');
  const username = responses.USERNAME;
  if (username === undefined || username === '') throw missingParameter('USERNAME');
  checkSecretHash(client, username, responses.SECRET_HASH);
  const session = ctx.sessions.take(optionalString(input, 'Session'), client.clientId);
  // Answering another step than the session asked for, or for someone else (text UNCONFIRMED).
  if (session.step !== challengeName || session.username.toLowerCase() !== username.toLowerCase()) {
    throw notAuthorized('Invalid session for the user.');
  }
  const user = findUser(pool, session.username);
  assertCanSignIn(user);
  return answer(ctx, { pool, client, user }, session, responses);
}

async function answer(
  ctx: OperationContext,
  target: SignInTarget,
  session: SignInSession,
  responses: Record<string, string>,
): Promise<AuthResponse> {
  switch (session.step) {
    case 'PASSWORD':
      verifyPassword(target.user, responses.PASSWORD);
      return afterPassword(ctx, target);
    case 'PASSWORD_VERIFIER':
      return verifyPasswordClaim(ctx, target, session, responses);
    case 'EMAIL_OTP':
      return checkCode(ctx, target, session, responses.EMAIL_OTP_CODE);
    case 'SMS_OTP':
      return checkCode(ctx, target, session, responses.SMS_OTP_CODE);
    case 'SELECT_CHALLENGE':
      return selectChallenge(ctx, target, session, responses);
    case 'NEW_PASSWORD_REQUIRED':
      return setNewPassword(ctx, target, responses.NEW_PASSWORD);
    case 'SOFTWARE_TOKEN_MFA': {
      const secret = target.user.softwareToken?.secret ?? '';
      if (!totpMatches(secret, responses.SOFTWARE_TOKEN_MFA_CODE, ctx.clock.now()))
        throw codeMismatch();
      return signedIn(ctx, target);
    }
    default:
      throw invalidParameter(`Unsupported challenge ${session.step}.`);
  }
}

/** A passwordless first factor: the code is the only proof, so no MFA step follows. */
async function checkCode(
  ctx: OperationContext,
  target: SignInTarget,
  session: SignInSession,
  code: string | undefined,
): Promise<AuthResponse> {
  if (code === undefined || code !== session.expectedCode) throw codeMismatch();
  return signedIn(ctx, target);
}

/**
 * `ANSWER` must be one of the offered challenges. `PASSWORD` may come with the password at once;
 * `EMAIL_OTP` / `SMS_OTP` send the code and ask for it next (docs/reference/aws-wire-behaviour.md
 * §1.5).
 */
async function selectChallenge(
  ctx: OperationContext,
  target: SignInTarget,
  session: SignInSession,
  responses: Record<string, string>,
): Promise<AuthResponse> {
  const choice = responses.ANSWER;
  if (choice === undefined) throw missingParameter('ANSWER');
  if (!(session.availableChallenges ?? []).includes(choice)) {
    throw invalidParameter(`${choice} is not an available challenge for the user.`);
  }
  return startFirstFactor(ctx, target, choice, {
    password: responses.PASSWORD,
    srpA: responses.SRP_A,
  });
}

async function setNewPassword(
  ctx: OperationContext,
  target: SignInTarget,
  password: string | undefined,
): Promise<AuthResponse> {
  if (password === undefined || password === '') throw missingParameter('NEW_PASSWORD');
  checkPassword(target.pool.passwordPolicy, password);
  setPassword(target.pool, target.user, password);
  target.user.status = 'CONFIRMED';
  target.user.modifiedAt = ctx.clock.now();
  return mfaOrTokens(ctx, target);
}
