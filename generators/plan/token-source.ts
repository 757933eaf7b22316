/**
 * Which sign-in gives the token a method accepts, chosen from the method's scopes
 * (docs/reference/aws-wire-behaviour.md §1.10; docs/tokens-and-scopes.md):
 *
 * | method's scopes                               | grant                                   |
 * | --------------------------------------------- | --------------------------------------- |
 * | none                                          | `sign-in-id`: the ID token of any sign-in |
 * | `aws.cognito.signin.user.admin` among them    | `sign-in-access`: any API sign-in's access token |
 * | an OIDC scope (`openid`, `email`, ...)        | `oauth-user`: code flow (+ PKCE) or its refresh token |
 * | custom (resource-server) scopes only          | `client-credentials`, unless told `user` |
 *
 * A method passes when ANY of its scopes is in the token (§2.1), so the cheapest token that holds
 * one of them is chosen. API sign-ins (InitiateAuth, SRP, USER_AUTH, refresh) only ever carry
 * `aws.cognito.signin.user.admin`; every other scope needs the user pool's OAuth 2.0 endpoints.
 */
import type { Operation, TokenProtection } from '../model/types.js';

export type TokenGrant = 'sign-in-id' | 'sign-in-access' | 'oauth-user' | 'client-credentials';

/** The one scope API sign-ins carry (§1.10). */
export const apiSignInScope = 'aws.cognito.signin.user.admin';

/** OIDC scopes: user grants only (code, implicit), never client credentials (§1.10). */
export const oidcScopes: readonly string[] = ['openid', 'email', 'phone', 'profile'];

export interface TokenChoice {
  grant: TokenGrant;
  /** The method's scopes the chosen token must carry one of. */
  scopes: string[];
  /**
   * True when the method lists only custom scopes and nothing says whether they are meant for
   * users or machines: client credentials are assumed, and `inspect` warns.
   */
  ambiguous: boolean;
}

/** The token a legitimate caller of this operation sends; undefined when it takes no token. */
export function chooseTokenSource(operation: Operation): TokenChoice | undefined {
  const protection = operation.protection;
  // A Lambda authorizer that verifies Cognito tokens (x-gatecheck-cognito) takes them the same way.
  if (protection.kind !== 'cognito' && protection.kind !== 'jwt' && protection.kind !== 'lambda')
    return undefined;
  return tokenChoiceOf(protection, operation.tokenSourceHint);
}

export function tokenChoiceOf(protection: TokenProtection, hint?: 'user' | 'machine'): TokenChoice {
  const scopes = protection.scopes;
  if (scopes.length === 0) return { grant: 'sign-in-id', scopes, ambiguous: false };
  if (scopes.includes(apiSignInScope))
    return { grant: 'sign-in-access', scopes: [apiSignInScope], ambiguous: false };
  const oidc = scopes.filter((scope) => oidcScopes.includes(scope));
  if (oidc.length > 0) return { grant: 'oauth-user', scopes: oidc, ambiguous: false };
  if (hint === 'user') return { grant: 'oauth-user', scopes, ambiguous: false };
  return { grant: 'client-credentials', scopes, ambiguous: hint === undefined };
}

/** Grants served by the user pool's OAuth 2.0 endpoints rather than by an API sign-in. */
export function isOAuthGrant(
  grant: TokenGrant,
): grant is Extract<TokenGrant, 'oauth-user' | 'client-credentials'> {
  return grant === 'oauth-user' || grant === 'client-credentials';
}

/**
 * The scopes one token of each OAuth grant is asked for: the union over the operations that
 * use that grant, in first-seen order (one user token and one machine token per run).
 */
export function oauthScopesByGrant(
  operations: readonly Operation[],
): Record<'oauth-user' | 'client-credentials', string[]> {
  const scopes = { 'oauth-user': [] as string[], 'client-credentials': [] as string[] };
  for (const operation of operations) {
    const choice = chooseTokenSource(operation);
    if (!choice || !isOAuthGrant(choice.grant)) continue;
    for (const scope of choice.scopes)
      if (!scopes[choice.grant].includes(scope)) scopes[choice.grant].push(scope);
  }
  return scopes;
}

/** The `inspect` note for an ambiguous choice: what was assumed and how to say otherwise. */
export function ambiguityNote(operation: Operation, choice: TokenChoice): string {
  return `${operation.method.toUpperCase()} ${operation.path}: scopes ${choice.scopes.join(' ')} could be resource-server scopes for machines or custom scopes for users; gatecheck uses a client_credentials token. Add "x-gatecheck-token-source: user" to the operation (or the document) to use the code flow's user token instead, or "machine" to keep client credentials and silence this warning`;
}
