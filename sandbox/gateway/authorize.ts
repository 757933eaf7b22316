import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Requirement, Route } from '../spec/types.js';
import type { Refusal } from './answer.js';
import type { FaultSet } from './faults.js';
import { authorizeWithLambda } from './lambda-authorizer.js';
import type { TokenVerifier } from './verify-token.js';

export type Authorization =
  { allowed: true; claims?: JwtPayload; scopes?: string[] } | { allowed: false; refusal: Refusal };

export interface AuthorizeContext {
  verifyToken: TokenVerifier;
  apiKeys: readonly string[];
  faults: FaultSet;
  headers: Record<string, string | string[] | undefined>;
  /** The request's query string (Lambda REQUEST identity sources). */
  query?: URLSearchParams;
}

/**
 * Decides a request the way the method's security says: any alternative that passes lets it in;
 * otherwise the first alternative's refusal is the answer. Within an alternative the authorizer
 * runs before the API key check (the order is UNCONFIRMED; AWS documents neither, and a request
 * failing both is answered 401, the authorizer's refusal).
 */
export async function authorize(route: Route, context: AuthorizeContext): Promise<Authorization> {
  const removed = context.faults.authorizerRemovedFor(route.method, route.path);
  const alternatives = route.security.map((requirements) =>
    removed ? requirements.filter((r) => r.rule.kind === 'api-key') : requirements,
  );
  if (alternatives.length === 0) return { allowed: true };
  let first: Authorization | undefined;
  for (const requirements of alternatives) {
    const outcome = await authorizeAll(requirements, context);
    if (outcome.allowed) return outcome;
    first ??= outcome;
  }
  return first ?? { allowed: true };
}

async function authorizeAll(
  requirements: Requirement[],
  context: AuthorizeContext,
): Promise<Authorization> {
  const ordered = [...requirements].sort(
    (a, b) => Number(a.rule.kind === 'api-key') - Number(b.rule.kind === 'api-key'),
  );
  let granted: Authorization = { allowed: true };
  for (const requirement of ordered) {
    const outcome = await authorizeOne(requirement, context);
    if (!outcome.allowed) return outcome;
    if (outcome.claims) granted = outcome;
  }
  return granted;
}

async function authorizeOne(
  requirement: Requirement,
  context: AuthorizeContext,
): Promise<Authorization> {
  const { rule, scopes } = requirement;
  switch (rule.kind) {
    case 'api-key': {
      if (context.faults.has('api-key-not-enforced')) return { allowed: true };
      const key = headerOf(context.headers, rule.header);
      return key !== undefined && context.apiKeys.includes(key)
        ? { allowed: true }
        : { allowed: false, refusal: { reason: 'invalid-api-key' } };
    }
    case 'lambda':
      return authorizeWithLambda(rule, context);
    case 'unsupported':
      // The stand-in cannot run Lambda or IAM authorizers: it refuses, as they would without credentials.
      return { allowed: false, refusal: { reason: 'unauthorized' } };
    case 'cognito':
    case 'jwt': {
      const token = tokenOf(headerOf(context.headers, rule.header));
      if (token === undefined) return { allowed: false, refusal: { reason: 'unauthorized' } };
      const verdict = await context.verifyToken(
        token,
        rule.kind === 'cognito'
          ? {
              tokenUse: scopes.length > 0 ? 'access' : 'id',
              scopes,
              pools: rule.pools,
              ...(rule.audiencePattern === undefined
                ? {}
                : { audiencePattern: rule.audiencePattern }),
            }
          : { checkAudience: true, scopes },
        context.faults,
      );
      if (verdict.ok) return { allowed: true, claims: verdict.payload, scopes };
      if (verdict.reason === 'insufficient-scope' && rule.kind === 'jwt') {
        return { allowed: false, refusal: { reason: 'insufficient-scope', scopes } };
      }
      return {
        allowed: false,
        refusal: { reason: verdict.reason === 'expired' ? 'expired' : 'unauthorized' },
      };
    }
  }
}

export function headerOf(headers: AuthorizeContext['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

/**
 * The token from the identity-source header: raw or `Bearer <token>`, both accepted by REST Cognito
 * authorizers (captured event, docs/reference/aws-wire-behaviour.md §2.1) and HTTP JWT authorizers
 * (§3). The scheme word's case sensitivity is UNCONFIRMED; it is matched case-insensitively, as RFC
 * 6750 reads.
 */
export function tokenOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = value.match(/^bearer\s+(.+)$/i);
  const token = (match?.[1] ?? value).trim();
  return token === '' ? undefined : token;
}
