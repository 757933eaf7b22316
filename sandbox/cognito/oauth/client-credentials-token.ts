import type { OperationContext } from '../context.js';
import { uuid } from '../ids.js';
import { epochSeconds, type AppClient, type UserPool } from '../state.js';
import { issuerOf, lifetimesFor, signClaims } from '../tokens.js';

/**
 * A client_credentials access token: no user, so `sub` is the client id and there is no
 * `username`, `cognito:groups` or `origin_jti`; only resource-server scopes (token-endpoint.md;
 * docs/reference/aws-wire-behaviour.md §1.10).
 */
export async function clientCredentialsToken(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  scopes: string[],
): Promise<{ access_token: string; expires_in: number; token_type: 'Bearer' }> {
  const lifetime = lifetimesFor(ctx, client).access;
  const now = epochSeconds(ctx.clock.now());
  const claims = {
    sub: client.clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: now,
    iss: issuerOf(ctx.settings.baseUrl, pool.id),
    exp: now + lifetime,
    iat: now,
    version: 2,
    jti: uuid(),
    client_id: client.clientId,
  };
  const token = await signClaims(claims, pool.keys.access);
  return { access_token: token, expires_in: lifetime, token_type: 'Bearer' };
}
