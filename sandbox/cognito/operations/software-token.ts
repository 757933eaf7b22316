import { authenticateAccessToken } from '../access-token-check.js';
import { CognitoError } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { optionalObject, requireString, type Input } from '../input.js';
import type { User } from '../state.js';
import { newTotpSecret, totpMatches } from '../totp.js';
import { applyMfaPreference } from './admin-users.js';

/** `AssociateSoftwareToken` with an access token (the MFA_SETUP session variant is not modelled). */
export async function associateSoftwareToken(ctx: OperationContext, input: Input) {
  const { user } = await authenticateAccessToken(ctx, requireString(input, 'AccessToken'));
  const secret = newTotpSecret();
  user.softwareToken = { secret, verified: false, enabled: false };
  return { SecretCode: secret };
}

/** A wrong code: `EnableSoftwareTokenMFAException` (aws-samples/aws-amplify-auth-starters#15). */
export async function verifySoftwareToken(ctx: OperationContext, input: Input) {
  const { user } = await authenticateAccessToken(ctx, requireString(input, 'AccessToken'));
  const token = user.softwareToken;
  if (!token || !totpMatches(token.secret, requireString(input, 'UserCode'), ctx.clock.now())) {
    throw new CognitoError(
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
    );
  }
  token.verified = true;
  return { Status: 'SUCCESS' };
}

export async function setUserMfaPreference(ctx: OperationContext, input: Input) {
  const { user } = await authenticateAccessToken(ctx, requireString(input, 'AccessToken'));
  applyMfaPreference(user, optionalObject(input, 'SoftwareTokenMfaSettings'));
  return {};
}

/** In-process shortcut for Associate + Verify + SetUserMFAPreference; returns the base32 secret. */
export function enableSoftwareTokenMfa(user: User): string {
  const secret = newTotpSecret();
  user.softwareToken = { secret, verified: true, enabled: true };
  return secret;
}
