import { notAuthorized } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { numericCode } from '../ids.js';
import { maskDestination, type DeliveryMedium } from '../outbox.js';
import type { SignInSession } from '../sessions.js';
import type { AppClient, FirstAuthFactor, User, UserPool } from '../state.js';
import { startSrp } from './srp-sign-in.js';
import { issueTokens, newAuthentication, type AuthenticationResult } from '../tokens.js';

/** Who is signing in, through which app client. */
export interface SignInTarget {
  pool: UserPool;
  client: AppClient;
  user: User;
}

/** The output shape shared by InitiateAuth, RespondToAuthChallenge and their Admin variants. */
export interface AuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
  AvailableChallenges?: string[];
}

export function verifyPassword(user: User, password: string | undefined): void {
  if (password === undefined || user.password === undefined || password !== user.password) {
    throw notAuthorized('Incorrect username or password.');
  }
}

/** Tokens for a completed sign-in; `ChallengeParameters: {}` comes along, as AWS sends it. */
export async function signedIn(ctx: OperationContext, target: SignInTarget): Promise<AuthResponse> {
  const result = await issueTokens(ctx, target, newAuthentication(ctx, target.user), true);
  return { AuthenticationResult: result, ChallengeParameters: {} };
}

/** A challenge the user must answer with RespondToAuthChallenge, under a new session. */
export function challenge(
  ctx: OperationContext,
  target: SignInTarget,
  name: string,
  parameters: Record<string, string> = {},
  extra: Pick<SignInSession, 'availableChallenges' | 'expectedCode' | 'srp'> = {},
): AuthResponse {
  const session = ctx.sessions.open(
    {
      userPoolId: target.pool.id,
      clientId: target.client.clientId,
      username: target.user.username,
      step: name,
      ...extra,
    },
    target.client.authSessionValidity,
  );
  return {
    ChallengeName: name,
    Session: session,
    ChallengeParameters: parameters,
    ...(extra.availableChallenges ? { AvailableChallenges: extra.availableChallenges } : {}),
  };
}

/**
 * After a correct password: users created with a temporary password must set a new one first
 * (NEW_PASSWORD_REQUIRED with `USER_ID_FOR_SRP`, `requiredAttributes` "[]" and `userAttributes` as
 * JSON strings, aws-cli admin-initiate-auth example), then MFA, then tokens.
 */
export async function afterPassword(
  ctx: OperationContext,
  target: SignInTarget,
): Promise<AuthResponse> {
  const { user } = target;
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    return challenge(ctx, target, 'NEW_PASSWORD_REQUIRED', {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: '[]',
      userAttributes: JSON.stringify(Object.fromEntries(user.attributes)),
    });
  }
  return mfaOrTokens(ctx, target);
}

/**
 * A user with a verified, enabled software token in a pool whose MFA is ON or OPTIONAL is asked
 * for a TOTP code after the password. (Pools with MFA `ON` and users without any MFA would get
 * MFA_SETUP at AWS; the stand-in does not model that step.)
 */
export async function mfaOrTokens(
  ctx: OperationContext,
  target: SignInTarget,
): Promise<AuthResponse> {
  if (target.user.softwareToken?.enabled && target.pool.mfaConfiguration !== 'OFF') {
    return challenge(ctx, target, 'SOFTWARE_TOKEN_MFA');
  }
  return signedIn(ctx, target);
}

/**
 * An address usable for one-time codes. AWS wants a verified address (UNCONFIRMED); the stand-in
 * only refuses one explicitly marked unverified, so provisioning need not set `*_verified`.
 */
function usableAddress(user: User, attribute: 'email' | 'phone_number'): string | undefined {
  const value = user.attributes.get(attribute);
  if (!value || user.attributes.get(`${attribute}_verified`) === 'false') return undefined;
  return value;
}

/**
 * The first-factor challenges `USER_AUTH` can offer this user: the pool's `AllowedFirstAuthFactors`
 * that the user can use (a password, an email address, a phone number; no passkeys are ever
 * registered). The `PASSWORD` factor is offered both ways, `PASSWORD` and `PASSWORD_SRP`
 * (`ChallengeResponseType` doc: "Available challenges are PASSWORD, PASSWORD_SRP, EMAIL_OTP,
 * SMS_OTP, and WEB_AUTHN"); their order in `AvailableChallenges` is UNCONFIRMED.
 */
export function availableFirstFactors(pool: UserPool, user: User): string[] {
  return pool.allowedFirstAuthFactors.flatMap((factor: FirstAuthFactor) => {
    if (factor === 'PASSWORD')
      return user.password === undefined ? [] : ['PASSWORD', 'PASSWORD_SRP'];
    if (factor === 'EMAIL_OTP') return usableAddress(user, 'email') === undefined ? [] : [factor];
    if (factor === 'SMS_OTP')
      return usableAddress(user, 'phone_number') === undefined ? [] : [factor];
    return [];
  });
}

/**
 * Sends an 8-digit sign-in code (fixed length, aws-amplify/amplify-js#14428) to the outbox and
 * asks for it as challenge `EMAIL_OTP` / `SMS_OTP`.
 */
export function sendSignInCode(
  ctx: OperationContext,
  target: SignInTarget,
  factor: 'EMAIL_OTP' | 'SMS_OTP',
): AuthResponse {
  const medium: DeliveryMedium = factor === 'EMAIL_OTP' ? 'EMAIL' : 'SMS';
  const destination =
    usableAddress(target.user, medium === 'EMAIL' ? 'email' : 'phone_number') ?? '';
  const code = numericCode(8);
  ctx.outbox.deliver({ username: target.user.username, userPoolId: target.pool.id, medium, code });
  return challenge(
    ctx,
    target,
    factor,
    {
      CODE_DELIVERY_DELIVERY_MEDIUM: medium,
      CODE_DELIVERY_DESTINATION: maskDestination(medium, destination),
    },
    { expectedCode: code },
  );
}

/** What a first factor may come with at once: the password, or the SRP public value. */
export interface FirstFactorAnswer {
  password?: string | undefined;
  srpA?: string | undefined;
}

/**
 * Starts the chosen first factor. `PASSWORD` with the password at hand signs in (or continues to
 * MFA); without it, the PASSWORD challenge asks for it. `PASSWORD_SRP` needs `SRP_A` and asks for
 * the password claim (PASSWORD_VERIFIER).
 */
export async function startFirstFactor(
  ctx: OperationContext,
  target: SignInTarget,
  factor: string,
  answer: FirstFactorAnswer,
): Promise<AuthResponse> {
  if (factor === 'EMAIL_OTP' || factor === 'SMS_OTP') return sendSignInCode(ctx, target, factor);
  if (factor === 'PASSWORD_SRP') return startSrp(ctx, target, answer.srpA);
  const { password } = answer;
  if (password === undefined) return challenge(ctx, target, 'PASSWORD');
  verifyPassword(target.user, password);
  return afterPassword(ctx, target);
}
