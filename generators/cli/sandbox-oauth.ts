/**
 * The refresh token a run against the sandbox uses for methods that need a user's OAuth 2.0
 * token: obtained as a person would once, through the sandbox's managed login page with the
 * authorization code grant and PKCE (S256), then exchanged at `/oauth2/token`
 * (docs/reference/aws-wire-behaviour.md §1.10). Against AWS the user supplies it
 * (GATECHECK_REFRESH_TOKEN), from the Postman app or `gatecheck tokens --hosted-ui`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../../sandbox/index.js';

/** A redirect URI the sandbox's app client registers; nothing listens there (redirects are not followed). */
const loopbackCallback = 'http://127.0.0.1:8765/callback';

export async function sandboxRefreshToken(
  sandbox: Pick<Sandbox, 'cognitoDomain' | 'clientId' | 'clientSecret'>,
  username: string,
  password: string,
  /** Scopes to ask for; all the client's when absent (token-endpoint.md). */
  scopes?: string[],
): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  const login = await fetch(`${sandbox.cognitoDomain}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      response_type: 'code',
      client_id: sandbox.clientId,
      redirect_uri: loopbackCallback,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(scopes ? { scope: scopes.join(' ') } : {}),
      username,
      password,
    }),
  });
  const location = login.headers.get('location') ?? '';
  const code = location.startsWith(loopbackCallback)
    ? new URL(location).searchParams.get('code')
    : null;
  if (!code) throw new Error(`the sandbox login page answered HTTP ${login.status} without a code`);
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  if (sandbox.clientSecret)
    headers.Authorization = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`;
  const token = await fetch(`${sandbox.cognitoDomain}/oauth2/token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: sandbox.clientId,
      code,
      redirect_uri: loopbackCallback,
      code_verifier: verifier,
    }),
  });
  const answer = (await token.json()) as { refresh_token?: string; error?: string };
  if (!answer.refresh_token)
    throw new Error(
      `the sandbox token endpoint answered ${answer.error ?? `HTTP ${token.status}`}`,
    );
  return answer.refresh_token;
}

/** `oauthRefreshToken` of the sandbox's main user, and the token as a secret to mask. */
export async function sandboxOAuthValues(
  sandbox: Sandbox,
): Promise<{ values: Record<string, string>; secrets: string[] }> {
  const main = sandbox.users.find((user) => user.role === 'main');
  if (!main) return { values: {}, secrets: [] };
  const refreshToken = await sandboxRefreshToken(sandbox, main.username, main.password);
  return { values: { oauthRefreshToken: refreshToken }, secrets: [refreshToken] };
}
