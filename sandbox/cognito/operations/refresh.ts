import { missingParameter, notAuthorized } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { assertCanSignIn, findPool, lookupUser } from '../lookup.js';
import { checkSecretHash } from '../secret-hash.js';
import type { AppClient } from '../state.js';
import { issueTokens } from '../tokens.js';
import type { AuthResponse } from './sign-in-steps.js';

/**
 * `REFRESH_TOKEN_AUTH` / `REFRESH_TOKEN`: new ID and access tokens with the original `auth_time`
 * and `origin_jti`, no new refresh token (rotation off, docs/reference/aws-wire-behaviour.md §1.3).
 * Texts: `Invalid Refresh Token.` (aws/aws-sdk-cpp#1789), `Refresh Token has been revoked`
 * (aws/aws-sdk-net#1936); `Refresh Token has expired` is UNCONFIRMED. The SECRET_HASH uses the
 * token owner's user name (docs/reference/aws-wire-behaviour.md §1.6).
 */
export async function refreshTokens(
  ctx: OperationContext,
  client: AppClient,
  parameters: Record<string, string>,
): Promise<AuthResponse> {
  const token = parameters.REFRESH_TOKEN;
  if (token === undefined || token === '') throw missingParameter('REFRESH_TOKEN');
  const record = ctx.state.refreshTokens.get(token);
  if (!record || record.clientId !== client.clientId) throw notAuthorized('Invalid Refresh Token.');
  checkSecretHash(client, record.username, parameters.SECRET_HASH);
  if (ctx.state.revokedOrigins.has(record.originJti)) {
    throw notAuthorized('Refresh Token has been revoked');
  }
  if (record.expiresAt <= ctx.clock.now()) throw notAuthorized('Refresh Token has expired');
  const pool = findPool(ctx.state, record.userPoolId);
  const user = lookupUser(pool, record.username);
  if (!user) throw notAuthorized('Invalid Refresh Token.');
  assertCanSignIn(user);
  const auth = { originJti: record.originJti, authTime: record.authTime };
  // A refresh token from the OAuth 2.0 endpoints keeps its grant's scopes (UNCONFIRMED for
  // REFRESH_TOKEN_AUTH; documented for the token endpoint's refresh_token grant).
  const result = await issueTokens(ctx, { pool, client, user }, auth, false, record.scopes);
  return { AuthenticationResult: result, ChallengeParameters: {} };
}
