import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationContext } from '../context.js';
import { assertCanSignIn, findPool, lookupUser } from '../lookup.js';
import type { AppClient, UserPool } from '../state.js';
import { issueTokens, newAuthentication, type AuthenticationResult } from '../tokens.js';
import { authenticateClient } from './client-auth.js';
import { clientCredentialsToken } from './client-credentials-token.js';
import { resourceServerScopes } from './client-settings.js';
import { OAuthError } from './oauth-error.js';
import { verifierMatches } from './pkce.js';
import { readForm, sendOAuthJson } from './wire.js';

/** What the token endpoint may loosen on purpose, to prove that checks notice. */
export interface TokenEndpointFaults {
  /** The PKCE `code_verifier` is not compared with the code's challenge. */
  pkceNotVerified: boolean;
}

/** Refuses a client the OAuth endpoints do not serve for this grant (`unauthorized_client`). */
export function assertFlowAllowed(client: AppClient, flow: string): void {
  if (!client.oauth.enabled || !client.oauth.flows.includes(flow)) {
    throw new OAuthError('unauthorized_client');
  }
}

/** Requested scopes (space-separated), each within the client's `AllowedOAuthScopes`. */
export function grantedScopes(requested: string | null, allowed: string[]): string[] {
  if (requested === null || requested.trim() === '') return [...allowed];
  const scopes = [...new Set(requested.trim().split(/\s+/))];
  if (scopes.some((scope) => !allowed.includes(scope))) throw new OAuthError('invalid_scope');
  return scopes;
}

/** `/oauth2/token` answer of a user grant: snake_case, ID token only with the `openid` scope. */
function userGrantResponse(result: AuthenticationResult, scopes: string[]) {
  return {
    ...(scopes.includes('openid') ? { id_token: result.IdToken } : {}),
    access_token: result.AccessToken,
    ...(result.RefreshToken ? { refresh_token: result.RefreshToken } : {}),
    expires_in: result.ExpiresIn,
    token_type: 'Bearer',
  };
}

async function authorizationCodeGrant(
  ctx: OperationContext,
  client: AppClient,
  form: URLSearchParams,
  faults: TokenEndpointFaults,
) {
  assertFlowAllowed(client, 'code');
  const code = form.get('code');
  if (!code) throw new OAuthError('invalid_request');
  const record = ctx.state.authorizationCodes.get(code);
  // A code is good for one request, whatever its outcome (RFC 6749 §4.1.2).
  ctx.state.authorizationCodes.delete(code);
  if (!record || record.clientId !== client.clientId || record.expiresAt <= ctx.clock.now()) {
    throw new OAuthError('invalid_grant');
  }
  if (form.get('redirect_uri') !== record.redirectUri) throw new OAuthError('invalid_grant');
  if (record.codeChallenge !== undefined && !faults.pkceNotVerified) {
    const verifier = form.get('code_verifier');
    if (!verifier || !verifierMatches(verifier, record.codeChallenge)) {
      throw new OAuthError('invalid_grant');
    }
  }
  const pool = findPool(ctx.state, record.userPoolId);
  const user = lookupUser(pool, record.username);
  if (!user) throw new OAuthError('invalid_grant');
  const auth = newAuthentication(ctx, user);
  const result = await issueTokens(ctx, { pool, client, user }, auth, true, record.scopes);
  return userGrantResponse(result, record.scopes);
}

async function refreshTokenGrant(ctx: OperationContext, client: AppClient, form: URLSearchParams) {
  const token = form.get('refresh_token');
  if (!token) throw new OAuthError('invalid_request');
  const record = ctx.state.refreshTokens.get(token);
  if (
    !record ||
    record.clientId !== client.clientId ||
    record.expiresAt <= ctx.clock.now() ||
    ctx.state.revokedOrigins.has(record.originJti)
  ) {
    throw new OAuthError('invalid_grant');
  }
  const pool = findPool(ctx.state, record.userPoolId);
  const user = lookupUser(pool, record.username);
  if (!user) throw new OAuthError('invalid_grant');
  try {
    assertCanSignIn(user);
  } catch {
    throw new OAuthError('invalid_grant');
  }
  const auth = { originJti: record.originJti, authTime: record.authTime };
  const result = await issueTokens(ctx, { pool, client, user }, auth, false, record.scopes);
  // A refresh token from an API sign-in has no OAuth scopes; its ID token comes back as well.
  return userGrantResponse(result, record.scopes ?? ['openid']);
}

async function clientCredentialsGrant(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  form: URLSearchParams,
) {
  assertFlowAllowed(client, 'client_credentials');
  // A client without a secret cannot hold this flow (CreateUserPoolClient refuses it), so an
  // authenticated caller here has proved its secret.
  const machineScopes = new Set(resourceServerScopes(pool));
  const allowed = client.oauth.scopes.filter((scope) => machineScopes.has(scope));
  const scopes = grantedScopes(form.get('scope'), allowed);
  if (scopes.length === 0) throw new OAuthError('invalid_scope');
  return clientCredentialsToken(ctx, pool, client, scopes);
}

/**
 * `POST /oauth2/token`: `authorization_code` (with PKCE S256 when the code was asked for with a
 * challenge), `refresh_token` and `client_credentials` (token-endpoint.md;
 * docs/reference/aws-wire-behaviour.md §1.10).
 */
export async function handleTokenRequest(
  ctx: OperationContext,
  pool: UserPool,
  req: IncomingMessage,
  res: ServerResponse,
  faults: TokenEndpointFaults,
): Promise<void> {
  try {
    const form = await readForm(req);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request');
    const client = authenticateClient(ctx.state, req, form);
    if (client.userPoolId !== pool.id) throw new OAuthError('invalid_client');
    let body: object;
    switch (grantType) {
      case 'authorization_code':
        body = await authorizationCodeGrant(ctx, client, form, faults);
        break;
      case 'refresh_token':
        body = await refreshTokenGrant(ctx, client, form);
        break;
      case 'client_credentials':
        body = await clientCredentialsGrant(ctx, pool, client, form);
        break;
      default:
        throw new OAuthError('unsupported_grant_type');
    }
    sendOAuthJson(res, 200, body);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendOAuthJson(res, error.status, { error: error.error });
  }
}
