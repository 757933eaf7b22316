/**
 * The user pool domain's token endpoint, `POST <domain>/oauth2/token` (docs/reference/aws-wire-behaviour.md
 * §1.10): the authorization code grant (with its PKCE verifier), the refresh token grant and the
 * client credentials grant. Tokens from here carry the OAuth scopes granted, which no API sign-in
 * gives. Every refusal becomes one line naming Cognito's `error` and what to change.
 */
import { InputError } from '../errors.js';
import type { SdkTokens } from './sdk-sign-in.js';

export type OAuthGrant = 'authorization_code' | 'refresh_token' | 'client_credentials';

export interface TokenEndpointRequest {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, no trailing slash. */
  domain: string;
  clientId: string;
  clientSecret?: string;
  grant: OAuthGrant;
  /** The grant's own fields (`code`, `redirect_uri`, `code_verifier`, `refresh_token`, `scope`). */
  fields: Record<string, string>;
}

/** The app client's OAuth flow each grant needs (`AllowedOAuthFlows`). */
const flowOfGrant: Record<OAuthGrant, string> = {
  authorization_code: 'code',
  refresh_token: 'code',
  client_credentials: 'client_credentials',
};

/** What to change for each RFC 6749 §5.2 error Cognito answers with. */
function hintFor(error: string, request: TokenEndpointRequest): string {
  switch (error) {
    case 'unauthorized_client':
      return `Add "${flowOfGrant[request.grant]}" to the app client's AllowedOAuthFlows and set AllowedOAuthFlowsUserPoolClient to true (UpdateUserPoolClient), or use a client that has them`;
    case 'invalid_client':
      return request.clientSecret
        ? 'Check GATECHECK_CLIENT_ID and GATECHECK_CLIENT_SECRET: they must be one app client of this domain’s user pool'
        : 'Check GATECHECK_CLIENT_ID; an app client with a secret also needs GATECHECK_CLIENT_SECRET';
    case 'invalid_scope':
      return request.grant === 'client_credentials'
        ? "Ask only for resource-server scopes (<identifier>/<name>) in the app client's AllowedOAuthScopes (--scope)"
        : "Ask only for scopes in the app client's AllowedOAuthScopes (--scope)";
    case 'invalid_grant':
      return request.grant === 'refresh_token'
        ? 'The refresh token is expired, revoked or belongs to another app client: sign in again (gatecheck tokens --hosted-ui --refresh-token-file FILE)'
        : 'The code was used already, expired (codes last 5 minutes) or did not match its verifier: sign in again';
    case 'unsupported_grant_type':
      return `This endpoint does not take the ${request.grant} grant: check --domain`;
    default:
      return 'Check the app client id, the domain and the scopes';
  }
}

function unreachable(domain: string, detail: string): InputError {
  return new InputError(`cannot reach the user pool domain ${domain} (${detail})`, {
    hint: 'Check --domain or GATECHECK_COGNITO_DOMAIN: https://<prefix>.auth.<region>.amazoncognito.com, as DescribeUserPool shows it (create one with CreateUserPoolDomain)',
  });
}

/** A fetch failure's cause code (`ENOTFOUND`, `ECONNREFUSED`...), when it has one. */
export function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export async function requestTokens(request: TokenEndpointRequest): Promise<SdkTokens> {
  const body = new URLSearchParams({ grant_type: request.grant, ...request.fields });
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (request.clientSecret) {
    // HTTP Basic with each part form-urlencoded (RFC 6749 §2.3.1).
    const pair = `${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    body.set('client_id', request.clientId);
  }
  let response: Response;
  try {
    response = await fetch(`${request.domain}/oauth2/token`, {
      method: 'POST',
      headers,
      body: body.toString(),
      redirect: 'manual',
    });
  } catch (error) {
    throw unreachable(request.domain, networkCode(error) ?? 'no answer');
  }
  const text = await response.text();
  let answer: Record<string, unknown> = {};
  try {
    answer = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: not a Cognito token endpoint (handled below).
  }
  if (response.status === 200 && typeof answer.access_token === 'string') {
    return {
      accessToken: answer.access_token,
      ...(typeof answer.id_token === 'string' ? { idToken: answer.id_token } : {}),
      ...(typeof answer.refresh_token === 'string' ? { refreshToken: answer.refresh_token } : {}),
      expiresIn: typeof answer.expires_in === 'number' ? answer.expires_in : 3600,
      grant: request.grant === 'client_credentials' ? 'client-credentials' : 'oauth-user',
    };
  }
  const error = typeof answer.error === 'string' ? answer.error : undefined;
  if (!error || response.status === 404) {
    throw unreachable(request.domain, `HTTP ${response.status} from /oauth2/token`);
  }
  throw new InputError(
    `Cognito's token endpoint refused the ${request.grant} grant: ${error} (HTTP ${response.status})`,
    { hint: hintFor(error, request) },
  );
}
