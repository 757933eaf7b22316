import { CognitoError } from './cognito-error.js';
import type { OperationContext } from './context.js';
import { findPool, findUser } from './lookup.js';
import { clientCredentialsToken } from './oauth/client-credentials-token.js';
import { epochSeconds, type AppClient, type UserPool } from './state.js';
import {
  accessTokenClaims,
  apiSignInScopes,
  idTokenClaims,
  issuerOf,
  lifetimesFor,
  newAuthentication,
  signClaims,
} from './tokens.js';

/** Body of `POST /__sandbox/tokens` (see `sandboxPaths` in ../types.ts). */
export interface TestTokenRequest {
  username: string;
  tokenUse: 'id' | 'access';
  /** A user pool id or an alias given with `aliasPool` (`main`, `other`). Default: `main`, else the first pool. */
  pool?: string;
  /** Same as `pool`, for callers that know the id. */
  userPoolId?: string;
  /** Default: the pool's first app client. */
  clientId?: string;
  /** `exp` in the past (`iat` earlier still). */
  expired?: boolean;
  /** Replaces the access token's `scope` claim; `[]` leaves the claim out. */
  scopes?: string[];
  /** `foreign`: same claims and issuer, signed by a key (and `kid`) the pool never published. */
  signer?: 'pool' | 'foreign';
  /**
   * `other`: the token a second app client of the pool would get (its own client id in `aud` /
   * `client_id`), for the HTTP API audience check. Ignored when `clientId` is given.
   * `machine`: a client credentials access token of the pool's machine client (no user, `sub` =
   * client id), for the scope check of methods meant for machines.
   */
  client?: 'main' | 'other' | 'machine';
}

const badRequest = (message: string) => new CognitoError('BadRequest', message);

/**
 * Another app client of the same pool: the first client's settings under a different, fixed client
 * id (26 lower-case letters and digits, as Cognito's), so its tokens carry an audience no
 * authorizer of the sandbox trusts. It is not registered: nothing can sign in with it.
 */
function otherClientOf(client: AppClient): AppClient {
  const reversed = [...client.clientId].reverse().join('');
  const clientId = reversed === client.clientId ? `x${client.clientId.slice(1)}` : reversed;
  return { ...client, clientId, clientName: `${client.clientName}-other` };
}

function machineOnly(client: AppClient): boolean {
  return (
    client.oauth.flows.length > 0 && client.oauth.flows.every((f) => f === 'client_credentials')
  );
}

export function resolvePool(ctx: OperationContext, name: string | undefined): UserPool {
  const { pools, poolAliases } = ctx.state;
  const wanted = name ?? poolAliases.get('main') ?? pools.keys().next().value;
  if (wanted === undefined) throw badRequest('No user pool exists yet.');
  return findPool(ctx.state, poolAliases.get(wanted) ?? wanted);
}

/**
 * A token with the user's real claims, for negative checks that need one Cognito would not hand
 * out on request: expired, with other scopes, or signed by an unpublished key.
 */
export async function issueTestToken(
  ctx: OperationContext,
  request: TestTokenRequest,
): Promise<string> {
  if (typeof request.username !== 'string' || request.username === '')
    throw badRequest('username is required.');
  if (request.tokenUse !== 'id' && request.tokenUse !== 'access') {
    throw badRequest('tokenUse must be "id" or "access".');
  }
  const pool = resolvePool(ctx, request.userPoolId ?? request.pool);
  if (request.client === 'machine') return machineTestToken(ctx, pool, request);
  // Without a client id: the first client users sign in with, not a client_credentials-only one.
  const first =
    request.clientId === undefined
      ? [...pool.clients.values()].find((c) => !machineOnly(c))
      : pool.clients.get(request.clientId);
  if (!first) throw badRequest(`User pool ${pool.id} has no such app client.`);
  const client =
    request.client === 'other' && request.clientId === undefined ? otherClientOf(first) : first;
  const user = findUser(pool, request.username);
  const lifetime = lifetimesFor(ctx, client)[request.tokenUse];
  const now = epochSeconds(ctx.clock.now());
  const exp = request.expired ? now - 60 : now + lifetime;
  const window = { iat: exp - lifetime, exp };
  const auth = { ...newAuthentication(ctx, user), authTime: window.iat };
  const issuer = issuerOf(ctx.settings.baseUrl, pool.id);
  const subject = { pool, client, user };
  const claims =
    request.tokenUse === 'id'
      ? idTokenClaims(subject, issuer, auth, window)
      : accessTokenClaims(subject, issuer, auth, window, request.scopes ?? apiSignInScopes(pool));
  const key = request.signer === 'foreign' ? ctx.keys.foreign() : pool.keys[request.tokenUse];
  return signClaims(claims, key);
}

/** A client credentials token of the pool's machine client, with the scopes asked for. */
async function machineTestToken(
  ctx: OperationContext,
  pool: UserPool,
  request: TestTokenRequest,
): Promise<string> {
  const client = [...pool.clients.values()].find(machineOnly);
  if (!client) throw badRequest(`User pool ${pool.id} has no client credentials client.`);
  if (request.tokenUse !== 'access') throw badRequest('Machine tokens are access tokens.');
  const token = await clientCredentialsToken(ctx, pool, client, request.scopes ?? []);
  if (!request.expired && request.signer !== 'foreign') return token.access_token;
  const claims = JSON.parse(
    Buffer.from(token.access_token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as Record<string, unknown> & { exp: number; iat: number };
  const lifetime = claims.exp - claims.iat;
  if (request.expired)
    Object.assign(claims, { exp: claims.iat - 60, iat: claims.iat - 60 - lifetime });
  const key = request.signer === 'foreign' ? ctx.keys.foreign() : pool.keys.access;
  return signClaims(claims, key);
}
