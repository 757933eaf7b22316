/**
 * The negative checks an operation gets, with the credentials each one sends and the gateway's
 * exact answer it expects. N-numbers refer to the catalogue in docs/reference/check-catalogue.md
 * §1.3; expected answers come from the model (`operation.rejections`: the spec's gateway
 * responses or AWS's defaults).
 */
import type {
  ApiModel,
  ExpectedRejection,
  ExpectedRejections,
  IdentitySource,
  Operation,
  TokenKind,
  TokenProtection,
} from '../model/types.js';
import { lambdaVariants } from './lambda-authorizer-checks.js';
import { chooseTokenSource, isOAuthGrant } from './token-source.js';
import type { NegativeCheckKind, OAuthGrant, SandboxTokenRequest, TokenSource } from './types.js';

export interface NegativeVariant {
  kind: NegativeCheckKind;
  /** One form of the check, shown in its name (e.g. the `alg` spelling of `alg-none`). */
  variant?: string;
  token: TokenSource;
  /** How the API key is sent, when the operation requires one. */
  apiKey?: 'variable' | 'omit' | 'wrong';
  /** Lambda REQUEST authorizers: the identity source this check leaves out. */
  omitIdentitySource?: IdentitySource;
  expect: ExpectedRejection;
  /**
   * A token-validation check (malformed value, forgery, issuer, audience, expiry): decided by the
   * authorizer's configuration, not by the method, so `standard` depth runs it once per authorizer
   * and token kind (check-depth.ts). Absent: a check of the method's own settings.
   */
  tokenValidation?: true;
}

/** WSTG-SESS-10 and jwt_tool try these spellings of `none` (N5). */
export const algNoneSpellings = ['none', 'None', 'NONE', 'nOnE'] as const;

/** N2: token header values that are not a token at all. */
const literalValues: ReadonlyArray<{ kind: NegativeCheckKind; value: string }> = [
  { kind: 'empty-token', value: '' },
  { kind: 'bearer-empty', value: 'Bearer' },
  { kind: 'bearer-garbage', value: 'Bearer x' },
  { kind: 'not-a-jwt', value: 'not-a-jwt' },
];

/** N3, N4, N6, N7, N8: forged in the pre-request script from the captured token. */
const forgeries: readonly NegativeCheckKind[] = [
  'signature-altered',
  'claims-edited',
  'signature-stripped',
  'hs256-empty-secret',
  'hs256-public-key',
];

/**
 * Every negative check of a protected operation, in a fixed order. All token checks send a valid
 * API key when one is required, so only the token is wrong; the API-key checks send a valid token,
 * so only the key is wrong (which of the two AWS evaluates first is unconfirmed,
 * docs/reference/aws-wire-behaviour.md §2.2).
 */
export function negativeVariants(
  model: ApiModel,
  operation: Operation,
  protection: TokenProtection,
): NegativeVariant[] {
  const { unauthorized, expired, insufficientScope, invalidApiKey } = operation.rejections;
  const kind = protection.tokenKind;
  // Methods with OIDC or custom scopes take tokens of the OAuth 2.0 endpoints (token-source.ts):
  // forgeries start from that token and minted tokens carry the method's scopes, so each check
  // differs from the positive in the one property it tests.
  const choice = chooseTokenSource(operation);
  const grant: OAuthGrant | undefined =
    choice && isOAuthGrant(choice.grant) ? choice.grant : undefined;
  const grantOf = grant ? { grant } : {};
  const minted = (request: SandboxTokenRequest): SandboxTokenRequest => ({
    ...request,
    ...(grant && choice ? { scopes: choice.scopes } : {}),
    ...(grant === 'client-credentials' && request.pool !== 'other' ? { client: 'machine' } : {}),
  });
  const keyed = operation.apiKey ? { apiKey: 'variable' as const } : {};
  const variants: NegativeVariant[] = [];
  const add = (v: NegativeVariant): void => {
    variants.push({ ...keyed, ...v });
  };

  // N1, N2: AWS answers UNAUTHORIZED when the identity source is missing or not a token (§2.2).
  add({ kind: 'no-token', token: { from: 'none' }, expect: unauthorized });
  for (const { kind: literalKind, value } of literalValues)
    add({
      kind: literalKind,
      token: { from: 'literal', value },
      expect: unauthorized,
      tokenValidation: true,
    });

  // N3–N8: a signature that does not verify against the pool's keys is rejected like any invalid
  // token (docs/reference/check-catalogue.md §1.2, inferred for REST; documented for HTTP APIs: RSA keys from jwks_uri only).
  // Behind a Lambda authorizer each forged token differs per check: API Gateway caches its result
  // per token for the TTL (docs/reference/api-gateway-exports.md), so a repeat would not reach it.
  const distinct = protection.kind === 'lambda' ? { distinct: true as const } : {};
  for (const forgery of forgeries.slice(0, 2))
    add({
      kind: forgery,
      token: { from: 'forged', kind, forgery, ...distinct, ...grantOf },
      expect: unauthorized,
      tokenValidation: true,
    });
  for (const spelling of algNoneSpellings)
    add({
      kind: 'alg-none',
      variant: spelling,
      token: {
        from: 'forged',
        kind,
        forgery: 'alg-none',
        variant: spelling,
        ...distinct,
        ...grantOf,
      },
      expect: unauthorized,
      tokenValidation: true,
    });
  for (const forgery of forgeries.slice(2))
    add({
      kind: forgery,
      token: { from: 'forged', kind, forgery, ...distinct, ...grantOf },
      expect: unauthorized,
      tokenValidation: true,
    });
  add({
    kind: 'foreign-key',
    token: {
      from: 'variable',
      variable: 'foreignKeyToken',
      mint: minted({ tokenUse: kind, signer: 'foreign' }),
    },
    expect: unauthorized,
    tokenValidation: true,
  });

  // N11: a genuinely expired token; AWS answers 401 "The incoming token has expired" (§2.2).
  add({
    kind: 'expired',
    token: {
      from: 'variable',
      variable: 'expiredToken',
      mint: minted({ tokenUse: kind, expired: true }),
    },
    expect: expired,
    tokenValidation: true,
  });

  const wrongType = wrongTokenType(protection, operation.rejections);
  if (wrongType) add(wrongType);

  // N16: an access token without any of the method's scopes. REST: 401 (AWS doc, §2.1);
  // HTTP API: 403 Forbidden (unconfirmed, §3; the model carries it as `insufficientScope`).
  // A method for machines gets a client credentials token without its scopes: a gateway that
  // skips the scope check for tokens without a user is caught here.
  // A Lambda authorizer that verifies the token and finds no scope answers an explicit Deny.
  const scopeRefusal =
    protection.kind === 'lambda' || model.gatewayKind !== 'rest' ? insufficientScope : unauthorized;
  if (protection.scopes.length > 0)
    add({
      kind: 'missing-scope',
      token: {
        from: 'variable',
        variable: grant === 'client-credentials' ? 'unscopedMachineToken' : 'unscopedAccessToken',
        mint: {
          tokenUse: 'access',
          scopes: ['gatecheck/none'],
          ...(grant === 'client-credentials' ? { client: 'machine' as const } : {}),
        },
      },
      expect: scopeRefusal,
    });

  // N16, always at hand: the access token of the run's own API sign-in carries only
  // aws.cognito.signin.user.admin (§1.10), so a method with OIDC or custom scopes must refuse it.
  if (grant)
    add({
      kind: 'api-sign-in-token',
      token: { from: 'captured', kind: 'access' },
      expect: scopeRefusal,
    });

  // N13: the issuer must be one of the authorizer's pools (kc-401 "issuer … matches").
  add({
    kind: 'other-pool',
    token: {
      from: 'variable',
      variable: 'otherPoolToken',
      mint: minted({ tokenUse: kind, pool: 'other' }),
    },
    expect: unauthorized,
    tokenValidation: true,
  });

  // HTTP API JWT authorizer: `aud` (or `client_id` without `aud`) must be one of
  // `jwtConfiguration.audience` (docs/reference/aws-wire-behaviour.md §3), so a token the same pool
  // issued to another app client is refused with 401. REST Cognito authorizers do not compare the
  // audience.
  if (protection.kind === 'jwt' && protection.audience.length > 0)
    add({
      kind: 'other-client',
      token: {
        from: 'variable',
        variable: 'otherClientToken',
        mint: { ...minted({ tokenUse: kind }), client: 'other' },
      },
      expect: unauthorized,
      tokenValidation: true,
    });

  // REST Cognito authorizer with an identityValidationExpression: API Gateway matches the incoming
  // token's `aud` against it and answers 401 without a match (docs/reference/aws-wire-behaviour.md
  // §2.1, CreateAuthorizer `identityValidationExpression`). A genuine ID token of another app client
  // of the pool differs from the run's token only in `aud`, so only the expression refuses it.
  // Access tokens carry no `aud` (client_id instead): how the expression treats them is
  // UNCONFIRMED, so the check is planned for ID-token methods only.
  if (
    protection.kind === 'cognito' &&
    protection.identityValidationExpression !== undefined &&
    kind === 'id'
  )
    add({
      kind: 'aud-not-matching',
      token: {
        from: 'variable',
        variable: 'otherClientToken',
        mint: { tokenUse: 'id', client: 'other' },
        audNotMatching: protection.identityValidationExpression,
      },
      expect: unauthorized,
    });

  if (protection.kind === 'lambda')
    for (const variant of lambdaVariants(protection, operation)) add(variant);

  // Several user pools: a valid token of each of the API's pools this authorizer does not list is
  // refused like any other pool's (N13).
  for (const pool of model.pools === undefined ? [] : model.pools.keys()) {
    const number = pool + 1;
    if (protection.kind === 'jwt' || (protection.acceptedPools ?? [1]).includes(number)) continue;
    add({
      kind: 'pool-not-accepted',
      variant: `pool ${number}`,
      token: { from: 'captured', kind, ...(number > 1 ? { pool: number } : {}) },
      expect: unauthorized,
    });
  }

  // INVALID_API_KEY: 403 Forbidden (docs/reference/aws-wire-behaviour.md §2.2). With `x-amazon-apigateway-api-key-source:
  // AUTHORIZER` the key comes from a Lambda authorizer, not a header: nothing to send wrong.
  if (operation.apiKey && model.apiKeySource === 'HEADER') {
    const valid: TokenSource = { from: 'captured', kind, ...grantOf };
    variants.push({ kind: 'api-key-missing', token: valid, apiKey: 'omit', expect: invalidApiKey });
    variants.push({ kind: 'api-key-wrong', token: valid, apiKey: 'wrong', expect: invalidApiKey });
  }
  const pool = protection.kind === 'jwt' ? undefined : protection.pool;
  return pool === undefined ? variants : variants.map((variant) => inPool(variant, pool));
}

/**
 * A method sent pool N's tokens: its checks start from that pool's tokens (captured, forged, or
 * minted for pool N, in variables of its own), so each shows what it should and not merely that
 * pool 1's token is refused. `pool-not-accepted` already names its pool.
 */
function inPool(variant: NegativeVariant, pool: number): NegativeVariant {
  const token = variant.token;
  if (variant.kind === 'pool-not-accepted') return variant;
  switch (token.from) {
    case 'captured':
    case 'forged':
      return { ...variant, token: { ...token, pool } };
    case 'variable':
      if (token.mint === undefined || (token.mint.pool ?? 'main') !== 'main') return variant;
      return {
        ...variant,
        token: {
          ...token,
          variable: poolVariable(pool, token.variable),
          mint: { ...token.mint, pool: `pool${pool}` },
        },
      };
    default:
      return variant;
  }
}

/** Pool N's own copy of a run variable: `gatecheck.pool.<N>.<name>`. */
export function poolVariable(pool: number, name: string): string {
  return `gatecheck.pool.${pool}.${name}`;
}

/**
 * N15, token_use confusion. REST Cognito authorizers take ID tokens on methods without scopes and
 * access tokens on methods with scopes, and reject the other kind with 401
 * (docs/reference/aws-wire-behaviour.md §2.1). HTTP API JWT authorizers do not check `token_use`
 * (§3): an access token passes a route without scopes, so the check is only emitted for scoped
 * routes, where an ID token (no `scope` claim) fails the scope check like a missing scope.
 */
function wrongTokenType(
  protection: TokenProtection,
  rejections: ExpectedRejections,
): NegativeVariant | undefined {
  const other: TokenKind = protection.tokenKind === 'id' ? 'access' : 'id';
  const token: TokenSource = { from: 'captured', kind: other };
  // A Lambda authorizer that verifies one token kind refuses the other as any invalid token.
  if (protection.kind === 'cognito' || protection.kind === 'lambda')
    return { kind: 'wrong-token-type', token, expect: rejections.unauthorized };
  if (protection.scopes.length === 0 || other !== 'id') return undefined;
  return { kind: 'wrong-token-type', token, expect: rejections.insufficientScope };
}
