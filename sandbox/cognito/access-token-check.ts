import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { notAuthorized } from './cognito-error.js';
import type { OperationContext } from './context.js';
import { assertCanSignIn, findUser } from './lookup.js';
import type { User, UserPool } from './state.js';
import { issuerOf } from './tokens.js';

export interface AuthenticatedCaller {
  pool: UserPool;
  user: User;
  claims: JWTPayload;
}

/**
 * Checks an `AccessToken` given to GetUser, GlobalSignOut and the other token-authorized calls.
 * Unlike a JWT verifier, Cognito also knows about revocation: `Access Token has been revoked`
 * after GlobalSignOut / RevokeToken (GlobalSignOut API doc; aws-amplify/amplify-js#2205).
 * `Invalid Access Token` and `Access Token has expired` are the commonly reported texts, UNCONFIRMED.
 */
export async function authenticateAccessToken(
  ctx: OperationContext,
  token: string,
): Promise<AuthenticatedCaller> {
  const invalid = () => notAuthorized('Invalid Access Token');
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw invalid();
  }
  const pool = [...ctx.state.pools.values()].find((p) => p.keys.access.kid === kid);
  if (!pool) throw invalid();
  const { publicKey } = await pool.keys.access.material;
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, publicKey, {
      algorithms: ['RS256'],
      issuer: issuerOf(ctx.settings.baseUrl, pool.id),
      currentDate: new Date(ctx.clock.now()),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw notAuthorized('Access Token has expired');
    throw invalid();
  }
  if (claims.token_use !== 'access' || typeof claims.username !== 'string') throw invalid();
  if (typeof claims.origin_jti === 'string' && ctx.state.revokedOrigins.has(claims.origin_jti)) {
    throw notAuthorized('Access Token has been revoked');
  }
  const user = findUser(pool, claims.username);
  assertCanSignIn(user);
  return { pool, user, claims };
}
