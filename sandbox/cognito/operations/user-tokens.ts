import { authenticateAccessToken } from '../access-token-check.js';
import { CognitoError, notAuthorized } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { optionalString, requireString, type Input } from '../input.js';
import { findClient } from '../lookup.js';
import { userAdminScope } from '../tokens.js';
import { attributeListOf } from './admin-users.js';

/**
 * Token-authorized self-service calls need the `aws.cognito.signin.user.admin` scope
 * (GlobalSignOut API doc; the error text is UNCONFIRMED).
 */
async function caller(ctx: OperationContext, input: Input) {
  const authenticated = await authenticateAccessToken(ctx, requireString(input, 'AccessToken'));
  const scopes = String(authenticated.claims.scope ?? '').split(' ');
  if (!scopes.includes(userAdminScope)) {
    throw notAuthorized('Access Token does not have required scopes');
  }
  return authenticated;
}

export async function getUser(ctx: OperationContext, input: Input) {
  const { user } = await caller(ctx, input);
  return {
    Username: user.username,
    UserAttributes: attributeListOf(user),
    ...(user.softwareToken?.enabled
      ? { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' }
      : {}),
  };
}

/**
 * Revokes every refresh token of the user and the access tokens issued from them: afterwards
 * GetUser answers `Access Token has been revoked` and refreshing `Refresh Token has been revoked`.
 * (API Gateway keeps accepting the revoked JWTs until they expire:
 * docs/reference/aws-wire-behaviour.md §2.1.)
 */
export async function globalSignOut(ctx: OperationContext, input: Input) {
  const { user } = await caller(ctx, input);
  for (const origin of user.origins) ctx.state.revokedOrigins.add(origin);
  return {};
}

/**
 * `RevokeToken` takes the refresh token and, for a client with a secret, the raw `ClientSecret`;
 * it revokes the access tokens issued from that refresh token too. Unknown tokens are ignored as
 * RFC 7009 §2.2 asks; the exception texts are UNCONFIRMED.
 */
export function revokeToken(ctx: OperationContext, input: Input) {
  const client = findClient(ctx.state, requireString(input, 'ClientId'));
  const token = requireString(input, 'Token');
  if (
    client.clientSecret !== undefined &&
    optionalString(input, 'ClientSecret') !== client.clientSecret
  ) {
    throw new CognitoError('UnauthorizedException', 'Invalid client secret.');
  }
  const record = ctx.state.refreshTokens.get(token);
  if (!record) {
    if (token.split('.').length === 3) {
      throw new CognitoError('UnsupportedTokenTypeException', 'Unsupported token type.');
    }
    return {};
  }
  if (record.clientId !== client.clientId) {
    throw new CognitoError('UnauthorizedException', 'Token was not issued to this client.');
  }
  ctx.state.revokedOrigins.add(record.originJti);
  return {};
}
