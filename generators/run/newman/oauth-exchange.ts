/**
 * Secrets in traffic to a user pool domain (docs/tokens-and-scopes.md): the form fields of
 * `/login` and `/oauth2/token` (password, authorization code, PKCE verifier, refresh token,
 * client secret), an HTTP Basic client authentication, the code in a login redirect's
 * `Location`, and the tokens `/oauth2/token` answers with. Registered before any report is
 * written, like the Cognito JSON API's (cognito-exchange.ts).
 */

const SECRET_FORM_FIELDS = new Set([
  'password',
  'code',
  'code_verifier',
  'refresh_token',
  'client_secret',
]);
const SECRET_ANSWER_FIELDS = ['access_token', 'id_token', 'refresh_token'];

export interface OAuthExchange {
  /** The request path, e.g. `/__domain/x/oauth2/token` or `/oauth2/token`. */
  path: string;
  form: ReadonlyArray<{ key?: string | null; value?: string | null }>;
  authorization?: string;
  location?: string;
  responseBody: string;
}

/** True for the OAuth 2.0 endpoints a collection sends secrets to. */
export function isOAuthEndpoint(path: string): boolean {
  return /\/(oauth2\/token|login)$/.test(path);
}

export function secretsInOAuthExchange(exchange: OAuthExchange): string[] {
  if (!isOAuthEndpoint(exchange.path)) return [];
  const found: string[] = [];
  for (const { key, value } of exchange.form)
    if (key && value && SECRET_FORM_FIELDS.has(key)) found.push(value);
  const basic = /^Basic\s+(\S+)$/i.exec(exchange.authorization ?? '')?.[1];
  if (basic) {
    found.push(basic);
    const secret = Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':');
    if (secret) found.push(secret);
  }
  const code = /[?&#]code=([^&#]+)/.exec(exchange.location ?? '')?.[1];
  if (code) found.push(code, decodeURIComponent(code));
  try {
    const answer = JSON.parse(exchange.responseBody) as Record<string, unknown>;
    for (const field of SECRET_ANSWER_FIELDS)
      if (typeof answer[field] === 'string') found.push(answer[field]);
  } catch {
    // Not JSON (a login page): nothing more to take.
  }
  return found.filter((value) => value.length > 0);
}
