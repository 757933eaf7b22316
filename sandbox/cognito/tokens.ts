import { SignJWT, type JWTPayload } from 'jose';
import type { TokenLifetimes } from '../types.js';
import type { OperationContext } from './context.js';
import { refreshToken, uuid } from './ids.js';
import type { SigningKey } from './signing-keys.js';
import { epochSeconds, type AppClient, type User, type UserPool } from './state.js';

/**
 * Cognito's own scope: the only one in access tokens from API sign-ins (InitiateAuth,
 * RespondToAuthChallenge, refresh), whatever the app client's OAuth scopes
 * (docs/reference/aws-wire-behaviour.md §1.10).
 */
export const userAdminScope = 'aws.cognito.signin.user.admin';

export interface TokenSubject {
  pool: UserPool;
  client: AppClient;
  user: User;
}

/** One authentication: refreshed tokens keep its `origin_jti` and `auth_time`. */
export interface Authentication {
  originJti: string;
  /** Epoch seconds. */
  authTime: number;
}

export interface TokenWindow {
  /** Epoch seconds. */
  iat: number;
  exp: number;
}

export const issuerOf = (baseUrl: string, userPoolId: string) => `${baseUrl}/${userPoolId}`;

export function lifetimesFor(ctx: OperationContext, client: AppClient): TokenLifetimes {
  return { ...ctx.settings.tokenLifetimes, ...client.validity };
}

/**
 * Scopes of an API sign-in's access token: `aws.cognito.signin.user.admin`, plus what the pool's
 * simulated pre token generation trigger adds. V2/V3 triggers need the Essentials or Plus tier,
 * so a Lite pool's trigger cannot add scopes (docs/reference/aws-wire-behaviour.md §1.10).
 */
export function apiSignInScopes(pool: UserPool): string[] {
  const added = pool.tier === 'LITE' ? [] : pool.preTokenGenerationScopes;
  return [userAdminScope, ...added.filter((s) => s !== userAdminScope)];
}

/** Attribute values as ID tokens carry them: `*_verified` become booleans, the rest strings. */
function attributeClaims(user: User): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  for (const [name, value] of user.attributes) {
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

const groupsClaim = (user: User) =>
  user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {};

/**
 * ID token claims (Cognito developer guide, "Using the ID token";
 * docs/reference/aws-wire-behaviour.md §1.7).
 */
export function idTokenClaims(
  subject: TokenSubject,
  issuer: string,
  auth: Authentication,
  window: TokenWindow,
): JWTPayload {
  const { client, user } = subject;
  return {
    sub: user.sub,
    ...groupsClaim(user),
    ...attributeClaims(user),
    iss: issuer,
    'cognito:username': user.username,
    origin_jti: auth.originJti,
    aud: client.clientId,
    event_id: uuid(),
    token_use: 'id',
    auth_time: auth.authTime,
    exp: window.exp,
    iat: window.iat,
    jti: uuid(),
  };
}

/**
 * Access token claims: `client_id` instead of `aud`, `scope` space-separated, no user attributes
 * and no `event_id` (a real access token seen through an HTTP API has none;
 * docs/reference/aws-wire-behaviour.md §1.7).
 */
export function accessTokenClaims(
  subject: TokenSubject,
  issuer: string,
  auth: Authentication,
  window: TokenWindow,
  scopes: string[],
): JWTPayload {
  const { client, user } = subject;
  return {
    sub: user.sub,
    ...groupsClaim(user),
    iss: issuer,
    client_id: client.clientId,
    origin_jti: auth.originJti,
    token_use: 'access',
    ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
    auth_time: auth.authTime,
    exp: window.exp,
    iat: window.iat,
    jti: uuid(),
    username: user.username,
  };
}

/** RS256 with a `{kid, alg}` header and nothing else, as Cognito's tokens. */
export async function signClaims(claims: JWTPayload, key: SigningKey): Promise<string> {
  const { privateKey } = await key.material;
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(privateKey);
}

export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  IdToken: string;
  RefreshToken?: string;
  TokenType: 'Bearer';
}

/** Starts an authentication: a new `origin_jti` the user's sign-out can revoke. */
export function newAuthentication(ctx: OperationContext, user: User): Authentication {
  const auth = { originJti: uuid(), authTime: epochSeconds(ctx.clock.now()) };
  user.origins.add(auth.originJti);
  return auth;
}

/**
 * ID + access tokens, plus a refresh token for a new sign-in (refreshing returns none, since
 * refresh token rotation is off by default; docs/reference/aws-wire-behaviour.md §1.3).
 * `grantedScopes` are the scopes the OAuth 2.0 endpoints granted; without them the token has an API
 * sign-in's scopes. A refresh token remembers them, so refreshing keeps the grant's scopes.
 */
export async function issueTokens(
  ctx: OperationContext,
  subject: TokenSubject,
  auth: Authentication,
  withRefreshToken: boolean,
  grantedScopes?: string[],
): Promise<AuthenticationResult> {
  const { pool, client, user } = subject;
  const lifetimes = lifetimesFor(ctx, client);
  const now = epochSeconds(ctx.clock.now());
  const issuer = issuerOf(ctx.settings.baseUrl, pool.id);
  const [IdToken, AccessToken] = await Promise.all([
    signClaims(
      idTokenClaims(subject, issuer, auth, { iat: now, exp: now + lifetimes.id }),
      pool.keys.id,
    ),
    signClaims(
      accessTokenClaims(
        subject,
        issuer,
        auth,
        { iat: now, exp: now + lifetimes.access },
        grantedScopes ?? apiSignInScopes(pool),
      ),
      pool.keys.access,
    ),
  ]);
  const result: AuthenticationResult = {
    AccessToken,
    ExpiresIn: lifetimes.access,
    IdToken,
    TokenType: 'Bearer',
  };
  if (withRefreshToken) {
    const token = refreshToken();
    ctx.state.refreshTokens.set(token, {
      userPoolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      originJti: auth.originJti,
      authTime: auth.authTime,
      expiresAt: ctx.clock.now() + lifetimes.refresh * 1000,
      ...(grantedScopes ? { scopes: [...grantedScopes] } : {}),
    });
    // Key order as in a real response: AccessToken, ExpiresIn, IdToken, RefreshToken, TokenType.
    return {
      AccessToken,
      ExpiresIn: lifetimes.access,
      IdToken,
      RefreshToken: token,
      TokenType: 'Bearer',
    };
  }
  return result;
}
