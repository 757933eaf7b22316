import { JwtRsaVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { JwtExpiredError, JwtInvalidScopeError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { validateJwtFields } from 'aws-jwt-verify/jwt';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { FaultSet } from './faults.js';

/** Which tokens the gateway trusts: the spec's pools and issuers are mapped onto the sandbox pool. */
export interface TokenTrust {
  issuers: string[];
  /** JWT authorizer audience (the sandbox app client id). */
  audience: string[];
  /** With `any-issuer-accepted`: issuers that name a sandbox pool, whose JWKS may be fetched. */
  isSandboxIssuer: (issuer: string) => boolean;
  /**
   * Several user pools: the spec's pool id → the issuer of the sandbox pool that serves it. An
   * authorizer trusts the pools it names (its providerARNs); one that names none trusts `issuers`.
   */
  poolIssuers?: Record<string, string>;
}

/** What one authorizer checks, beyond signature and issuer. */
export interface TokenRule {
  /**
   * REST Cognito authorizer: ID token without method scopes, access token with
   * (docs/reference/aws-wire-behaviour.md §2.1).
   */
  tokenUse?: 'id' | 'access';
  /**
   * HTTP JWT authorizer: `aud`, or `client_id` when there is no `aud`, must be one of the trusted
   * audience (§3). The spec's `jwtConfiguration.audience` names real app clients; the stand-in maps
   * it onto the sandbox client.
   */
  checkAudience?: boolean;
  /**
   * REST Cognito authorizer `identityValidationExpression`: API Gateway matches the token's `aud`
   * against it (CreateAuthorizer, docs/reference/aws-wire-behaviour.md §2.1). The spec's expression names real app
   * clients, so the stand-in also accepts the sandbox's trusted clients; the expression is taken to
   * match the whole value (UNCONFIRMED). Tokens without `aud` (access tokens) are not matched:
   * what AWS does with them is UNCONFIRMED.
   */
  audiencePattern?: string;
  /** The spec's pool ids the authorizer names (see `TokenTrust.poolIssuers`). */
  pools?: string[];
  /** Any one of them must be in the token's `scope` claim. */
  scopes: string[];
}

export type TokenVerdict =
  | { ok: true; payload: JwtPayload }
  | { ok: false; reason: 'invalid' | 'expired' | 'insufficient-scope' };

export type TokenVerifier = (
  token: string,
  rule: TokenRule,
  faults: FaultSet,
) => Promise<TokenVerdict>;

/** JWKS over plain HTTP: the sandbox pools listen on 127.0.0.1 without TLS. */
const httpFetcher: Fetcher = {
  fetch: async (uri) => {
    const response = await fetch(uri);
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    return response.arrayBuffer();
  },
};

/**
 * Verifies tokens with aws-jwt-verify, one verifier per issuer (JWKS fetched once and cached).
 * Faults loosen exactly one check each, so a test can prove the check matters.
 */
export function createTokenVerifier(trust: TokenTrust): TokenVerifier {
  const jwksCache = new SimpleJwksCache({ fetcher: httpFetcher });
  const verifiers = new Map<string, ReturnType<typeof verifierFor>>();
  function verifierFor(issuer: string) {
    return JwtRsaVerifier.create(
      { issuer, jwksUri: `${issuer}/.well-known/jwks.json`, audience: null },
      { jwksCache },
    );
  }

  return async (token, rule, faults) => {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let payload: JwtPayload;
    try {
      header = decodeProtectedHeader(token);
      payload = decodeJwt(token) as JwtPayload;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const unsigned = typeof header.alg === 'string' && header.alg.toLowerCase() === 'none';
    if (unsigned && !faults.has('alg-none-accepted')) return { ok: false, reason: 'invalid' };

    const issuer = typeof payload.iss === 'string' ? payload.iss : '';
    const trusted =
      trustedIssuers(trust, rule, faults).includes(issuer) ||
      (faults.has('any-issuer-accepted') && trust.isSandboxIssuer(issuer));
    if (!trusted) return { ok: false, reason: 'invalid' };

    // A client credentials token has no user: `sub` is the client id, no `username`.
    const machineToken =
      payload.username === undefined &&
      payload.sub !== undefined &&
      payload.sub === payload.client_id;
    const scopesIgnored =
      faults.has('scopes-ignored') || (machineToken && faults.has('machine-scopes-ignored'));
    const scope = rule.scopes.length > 0 && !scopesIgnored ? rule.scopes : undefined;
    // `graceSeconds` is aws-jwt-verify's allowance past `exp`: infinite = expiry not checked.
    const graceSeconds = faults.has('expiry-not-checked') ? Number.POSITIVE_INFINITY : 0;
    const extraChecks = (claims: JwtPayload): void => checkRule(claims, rule, trust, faults);
    try {
      if (unsigned || faults.has('signature-not-verified')) {
        validateJwtFields(payload, { issuer, audience: null, scope: scope ?? null, graceSeconds });
        extraChecks(payload);
      } else {
        let verifier = verifiers.get(issuer);
        if (!verifier) {
          verifier = verifierFor(issuer);
          verifiers.set(issuer, verifier);
        }
        payload = await verifier.verify(token, {
          audience: null,
          ...(scope ? { scope } : {}),
          graceSeconds,
          customJwtCheck: ({ payload: claims }) => extraChecks(claims),
        });
      }
      return { ok: true, payload };
    } catch (error) {
      if (error instanceof JwtExpiredError) return { ok: false, reason: 'expired' };
      if (error instanceof JwtInvalidScopeError) return { ok: false, reason: 'insufficient-scope' };
      return { ok: false, reason: 'invalid' };
    }
  };
}

function checkRule(claims: JwtPayload, rule: TokenRule, trust: TokenTrust, faults: FaultSet): void {
  if (rule.tokenUse && !faults.has('token-use-ignored')) {
    validateCognitoJwtFields(claims, { tokenUse: rule.tokenUse, clientId: null });
  }
  if (
    rule.audiencePattern !== undefined &&
    claims.aud !== undefined &&
    !faults.has('validation-expression-ignored')
  ) {
    const pattern = new RegExp(`^(?:${rule.audiencePattern})$`);
    const matches = [claims.aud]
      .flat()
      .some((value) => trust.audience.includes(value) || pattern.test(value));
    if (!matches) throw new Error('the token does not match the identity validation expression');
  }
  if (rule.checkAudience && !faults.has('audience-not-checked')) {
    // "API Gateway validates client_id only if aud is not present" (http-api-troubleshooting-jwt).
    const presented = claims.aud !== undefined ? [claims.aud].flat() : [claims.client_id];
    if (!presented.some((value) => typeof value === 'string' && trust.audience.includes(value))) {
      throw new Error('the token does not have a valid audience');
    }
  }
}

/**
 * The issuers one authorizer trusts: the sandbox pools serving the spec pools it names, else the
 * gateway's. `every-pool-accepted`: every pool the API's authorizers trust, whichever it names.
 */
function trustedIssuers(trust: TokenTrust, rule: TokenRule, faults: FaultSet): string[] {
  const byPool = trust.poolIssuers;
  if (byPool === undefined || rule.pools === undefined || rule.pools.length === 0)
    return trust.issuers;
  if (faults.has('every-pool-accepted'))
    return [...new Set([...trust.issuers, ...Object.values(byPool)])];
  return rule.pools.map((pool) => byPool[pool] ?? trust.issuers[0] ?? '');
}
