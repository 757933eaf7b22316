import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationContext } from '../context.js';
import { randomBytes } from 'node:crypto';
import { lookupUser } from '../lookup.js';
import type { AppClient, User, UserPool } from '../state.js';
import { issueTokens, newAuthentication } from '../tokens.js';
import { errorPage, loginPage } from './login-page.js';
import { OAuthError } from './oauth-error.js';
import { grantedScopes } from './token-endpoint.js';
import { readForm, redirect, sendHtml } from './wire.js';

/** Authorization codes are valid for five minutes (authorization-endpoint.md). */
const codeLifetimeMs = 5 * 60 * 1000;

/** The parameters the login form carries from the authorize request to `/login`. */
const carried = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
];

interface AuthorizeRequest {
  client: AppClient;
  responseType: 'code' | 'token';
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge?: string;
}

/** Where errors go: the client's redirect URI once it is known to be registered. */
class RedirectableError extends Error {
  constructor(
    readonly error: string,
    readonly redirectUri: string,
    readonly state: string | null,
  ) {
    super(error);
  }
}

/**
 * Validates an authorize request. An unknown client or an unregistered `redirect_uri` gets an
 * error page (never a redirect to an unchecked address); the rest go back to the redirect URI
 * as `error=` (RFC 6749 §4.1.2.1). Cognito supports `code_challenge_method=S256` only.
 */
function readAuthorizeRequest(ctx: OperationContext, pool: UserPool, params: URLSearchParams) {
  const client = ctx.state.clients.get(params.get('client_id') ?? '');
  if (!client || client.userPoolId !== pool.id) throw new OAuthError('invalid_request');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.oauth.callbackUrls.includes(redirectUri)) throw new OAuthError('redirect_mismatch');
  const state = params.get('state');
  const fail = (error: string) => new RedirectableError(error, redirectUri, state);
  const type = params.get('response_type');
  if (type !== 'code' && type !== 'token') throw fail('unsupported_response_type');
  const flow = type === 'code' ? 'code' : 'implicit';
  if (!client.oauth.enabled || !client.oauth.flows.includes(flow))
    throw fail('unauthorized_client');
  let scopes: string[];
  try {
    scopes = grantedScopes(params.get('scope'), client.oauth.scopes);
  } catch {
    throw fail('invalid_scope');
  }
  const challenge = params.get('code_challenge');
  if (challenge !== null && params.get('code_challenge_method') !== 'S256') {
    throw fail('invalid_request');
  }
  const request: AuthorizeRequest = { client, responseType: type, redirectUri, scopes, state };
  if (challenge !== null && type === 'code') request.codeChallenge = challenge;
  return request;
}

function withParams(uri: string, params: Record<string, string>, inFragment: boolean): string {
  const query = new URLSearchParams(params).toString();
  if (inFragment) return `${uri.split('#')[0]}#${query}`;
  return `${uri}${uri.includes('?') ? '&' : '?'}${query}`;
}

function sendRedirectableError(res: ServerResponse, error: unknown, inFragment: boolean): boolean {
  if (error instanceof RedirectableError) {
    const params: Record<string, string> = { error: error.error };
    if (error.state !== null) params.state = error.state;
    redirect(res, withParams(error.redirectUri, params, inFragment));
    return true;
  }
  if (error instanceof OAuthError) {
    sendHtml(res, 400, errorPage(error.error));
    return true;
  }
  return false;
}

/** `GET /oauth2/authorize`: the login page for a valid request. */
export function handleAuthorize(
  ctx: OperationContext,
  pool: UserPool,
  url: URL,
  res: ServerResponse,
): void {
  try {
    readAuthorizeRequest(ctx, pool, url.searchParams);
    const params = new URLSearchParams();
    for (const name of carried) {
      const value = url.searchParams.get(name);
      if (value !== null) params.set(name, value);
    }
    sendHtml(res, 200, loginPage(params));
  } catch (error) {
    if (!sendRedirectableError(res, error, url.searchParams.get('response_type') === 'token')) {
      throw error;
    }
  }
}

/**
 * The stand-in's login page signs in users with a password and no further step; MFA and
 * password changes are left to the API flows.
 */
function passwordUser(pool: UserPool, username: string, password: string): User | string {
  const user = lookupUser(pool, username);
  if (!user || user.password !== password) return 'Incorrect username or password.';
  if (!user.enabled) return 'User is disabled.';
  if (user.status !== 'CONFIRMED')
    return 'This user must finish signing up or change its password first.';
  if (user.softwareToken?.enabled) return 'This login page does not ask for MFA codes.';
  return user;
}

/** `POST /login`: checks the password, then redirects with a `code` or with tokens in the fragment. */
export async function handleLogin(
  ctx: OperationContext,
  pool: UserPool,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  const implicit = form.get('response_type') === 'token';
  try {
    const request = readAuthorizeRequest(ctx, pool, form);
    const user = passwordUser(pool, form.get('username') ?? '', form.get('password') ?? '');
    if (typeof user === 'string') {
      const params = new URLSearchParams();
      for (const name of carried) {
        const value = form.get(name);
        if (value !== null) params.set(name, value);
      }
      sendHtml(res, 200, loginPage(params, user));
      return;
    }
    const state: Record<string, string> = request.state === null ? {} : { state: request.state };
    if (request.responseType === 'code') {
      const code = randomBytes(24).toString('base64url');
      ctx.state.authorizationCodes.set(code, {
        userPoolId: pool.id,
        clientId: request.client.clientId,
        username: user.username,
        redirectUri: request.redirectUri,
        scopes: request.scopes,
        ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
        expiresAt: ctx.clock.now() + codeLifetimeMs,
      });
      redirect(res, withParams(request.redirectUri, { code, ...state }, false));
      return;
    }
    // Implicit grant (legacy): tokens in the fragment, never a refresh token.
    const subject = { pool, client: request.client, user };
    const result = await issueTokens(
      ctx,
      subject,
      newAuthentication(ctx, user),
      false,
      request.scopes,
    );
    redirect(
      res,
      withParams(
        request.redirectUri,
        {
          ...(request.scopes.includes('openid') ? { id_token: result.IdToken } : {}),
          access_token: result.AccessToken,
          expires_in: String(result.ExpiresIn),
          token_type: 'Bearer',
          ...state,
        },
        true,
      ),
    );
  } catch (error) {
    if (!sendRedirectableError(res, error, implicit)) throw error;
  }
}
