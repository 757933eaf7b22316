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
  verdict(check: NegativeCheck, gateway: GatewayKind): Verdict;
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
  // An HTTP API's JWT authorizer has no token_use check (aws-behaviour §3): its wrong-token-type
  // check (an ID token on a scoped method) is refused by the missing scope alone. A REST Cognito
  // authorizer still refuses the ID token there for its token_use.
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
  'token-use-ignored': {
    kinds: ['wrong-token-type'],
    verdict: (check, gateway) =>
      gateway === 'rest' && check.kind === 'wrong-token-type' && tokenKindSent(check) === 'access'
        ? 'must-fail'
        : 'must-pass',
  },
  // An HTTP API's JWT authorizer also checks the audience (aws-behaviour §3): the other pool's
  // token names the other pool's app client, so it stays refused even when any issuer is trusted.
  'any-issuer-accepted': {
    kinds: ['other-pool'],
    verdict: (check, gateway) =>
      gateway === 'rest' && check.kind === 'other-pool' ? 'must-fail' : 'must-pass',
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
};
