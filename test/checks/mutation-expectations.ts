/**
 * Which negative checks each gateway fault must fail, may fail, or must leave passing, for a REST
 * API (Cognito authorizer) or an HTTP API (JWT authorizer).
 */
import type { ApiModel } from '../../generators/model/types.js';
import type { NegativeCheck, NegativeCheckKind } from '../../generators/plan/types.js';
import type { FaultName } from '../../sandbox/index.js';

export type Verdict = 'must-fail' | 'may-fail' | 'must-pass';

export type GatewayKind = ApiModel['gatewayKind'];

/** Faults of the authorizer; `owner-check-removed` and `group-check-removed` break the users API's handler instead. */
export type AuthorizerFault = Exclude<
  FaultName,
  'owner-check-removed' | 'group-check-removed' | 'pkce-not-verified'
>;

export interface FaultExpectation {
  /**
   * The check kinds that show the gateway uses what the fault loosens: an API whose collection has
   * none of them is answered exactly as by a healthy gateway.
   */
  kinds: NegativeCheckKind[];
  /** `siblings`: the kinds of every negative check of the same operation. */
  verdict(check: NegativeCheck, gateway: GatewayKind, siblings: NegativeCheckKind[]): Verdict;
}

export const tokenKinds: NegativeCheckKind[] = [
  'no-token',
  'empty-token',
  'bearer-empty',
  'bearer-garbage',
  'not-a-jwt',
  'signature-altered',
  'claims-edited',
  'alg-none',
  'signature-stripped',
  'hs256-empty-secret',
  'hs256-public-key',
  'foreign-key',
  'expired',
  'wrong-token-type',
  'missing-scope',
  'api-sign-in-token',
  'other-pool',
  'other-client',
  'aud-not-matching',
  'expression-mismatch',
  'identity-source-missing',
  'pool-not-accepted',
];

/** Checks of the `must` kinds fail, of the `may` kinds may fail, every other one passes. */
function byKind(must: NegativeCheckKind[], may: NegativeCheckKind[] = []): FaultExpectation {
  return {
    kinds: [...must, ...may],
    verdict: (check) =>
      must.includes(check.kind) ? 'must-fail' : may.includes(check.kind) ? 'may-fail' : 'must-pass',
  };
}

function tokenKindSent(check: NegativeCheck): string | undefined {
  return check.token.from === 'captured' ? check.token.kind : undefined;
}

export const caughtBy: Record<AuthorizerFault, FaultExpectation> = {
  'authorizer-removed': byKind(tokenKinds),
  'signature-not-verified': byKind(
    [
      'signature-altered',
      'claims-edited',
      'signature-stripped',
      'hs256-empty-secret',
      'hs256-public-key',
      'foreign-key',
    ],
    // Whether an unverified `alg: none` token gets through depends on how the gateway decodes it.
    ['alg-none'],
  ),
  'expiry-not-checked': byKind(['expired']),
  // An HTTP API's JWT authorizer has no token_use check (docs/reference/aws-wire-behaviour.md §3):
  // its wrong-token-type check (an ID token on a scoped method) is refused by the missing scope
  // alone. A REST Cognito authorizer still refuses the ID token there for its token_use.
  'scopes-ignored': {
    // A scoped method has a missing-scope check; without one the fault changes nothing. Methods
    // with OIDC or custom scopes also refuse the API sign-in's token for its scope alone.
    kinds: ['missing-scope', 'api-sign-in-token'],
    verdict: (check, gateway) =>
      check.kind === 'missing-scope' ||
      check.kind === 'api-sign-in-token' ||
      (gateway === 'http' && check.kind === 'wrong-token-type' && tokenKindSent(check) === 'id')
        ? 'must-fail'
        : 'must-pass',
  },
  // Only an access token on an ID-token method (REST) can show it: an ID token on a scoped method
  // carries no scope and the scope check refuses it anyway, and an HTTP API never checks token_use.
  // Behind a Lambda authorizer with scopes, an ID token that gets past the token_use check has no
  // scope: the Lambda denies it (403) instead of refusing it (401), so that check may fail too.
  'token-use-ignored': {
    kinds: ['wrong-token-type'],
    verdict: (check, gateway) =>
      gateway === 'rest' && check.kind === 'wrong-token-type' && tokenKindSent(check) === 'access'
        ? 'must-fail'
        : check.authorizer === 'lambda' && check.kind === 'wrong-token-type'
          ? 'may-fail'
          : 'must-pass',
  },
  // An HTTP API's JWT authorizer also checks the audience (docs/reference/aws-wire-behaviour.md §3): the other pool's
  // token names the other pool's app client, so it stays refused even when any issuer is trusted.
  // A Cognito authorizer whose identityValidationExpression pins the app client (the method has an
  // aud-not-matching check) also refuses the other pool's ID token: its `aud` is another client.
  // Any issuer also means another of the API's own pools (pool-not-accepted).
  'any-issuer-accepted': {
    kinds: ['other-pool', 'pool-not-accepted'],
    verdict: (check, gateway, siblings) =>
      (gateway === 'rest' &&
        check.kind === 'other-pool' &&
        !siblings.includes('aud-not-matching')) ||
      check.kind === 'pool-not-accepted'
        ? 'must-fail'
        : 'must-pass',
  },
  // Only a client credentials token without the method's scopes shows it: the missing-scope check
  // of a method for machines (user tokens are still scope-checked).
  'machine-scopes-ignored': {
    kinds: ['missing-scope'],
    verdict: (check) =>
      check.kind === 'missing-scope' &&
      check.token.from === 'variable' &&
      check.token.mint?.client === 'machine'
        ? 'must-fail'
        : 'must-pass',
  },
  'api-key-not-enforced': byKind(['api-key-missing', 'api-key-wrong']),
  'alg-none-accepted': byKind(['alg-none']),
  // Only the other app client's token shows it (HTTP APIs; REST authorizers compare no audience).
  'audience-not-checked': byKind(['other-client']),
  // A Cognito authorizer's expression refuses the other app client's `aud`; a Lambda TOKEN
  // authorizer's refuses a header value the Lambda itself would accept.
  'validation-expression-ignored': byKind(['aud-not-matching', 'expression-mismatch']),
  // Only another of the API's own pools shows it: the other-pool check's pool is trusted by none.
  'every-pool-accepted': byKind(['pool-not-accepted']),
};
