/**
 * The negative checks an operation gets, with the credentials each one sends and the gateway's
 * exact answer it expects. N-numbers refer to the catalogue in the shared security-checks reference
 * (§1.3); expected answers come from the model (`operation.rejections`: the spec's gateway
 * responses or AWS's defaults).
 */
import type {
  ApiModel,
  ExpectedRejection,
  ExpectedRejections,
  Operation,
  Protection,
  TokenKind,
} from '../model/types.js';
import type { NegativeCheckKind, TokenSource } from './types.js';

type TokenProtection = Extract<Protection, { kind: 'cognito' | 'jwt' }>;

export interface NegativeVariant {
  kind: NegativeCheckKind;
  /** One form of the check, shown in its name (e.g. the `alg` spelling of `alg-none`). */
  variant?: string;
  token: TokenSource;
  /** How the API key is sent, when the operation requires one. */
  apiKey?: 'variable' | 'omit' | 'wrong';
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
 * so only the key is wrong (which of the two AWS evaluates first is unconfirmed, aws-behaviour §2.2).
 */
export function negativeVariants(
  model: ApiModel,
  operation: Operation,
  protection: TokenProtection,
): NegativeVariant[] {
  const { unauthorized, expired, insufficientScope, invalidApiKey } = operation.rejections;
  const kind = protection.tokenKind;
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
  // token (security-checks §1.2, inferred for REST; documented for HTTP APIs: RSA keys from jwks_uri only).
  for (const forgery of forgeries.slice(0, 2))
    add({
      kind: forgery,
      token: { from: 'forged', kind, forgery },
      expect: unauthorized,
      tokenValidation: true,
    });
  for (const spelling of algNoneSpellings)
    add({
      kind: 'alg-none',
      variant: spelling,
      token: { from: 'forged', kind, forgery: 'alg-none', variant: spelling },
      expect: unauthorized,
      tokenValidation: true,
    });
  for (const forgery of forgeries.slice(2))
    add({
      kind: forgery,
      token: { from: 'forged', kind, forgery },
      expect: unauthorized,
      tokenValidation: true,
    });
  add({
    kind: 'foreign-key',
    token: {
      from: 'variable',
      variable: 'foreignKeyToken',
      mint: { tokenUse: kind, signer: 'foreign' },
    },
    expect: unauthorized,
    tokenValidation: true,
  });

  // N11: a genuinely expired token; AWS answers 401 "The incoming token has expired" (§2.2).
  add({
    kind: 'expired',
    token: { from: 'variable', variable: 'expiredToken', mint: { tokenUse: kind, expired: true } },
    expect: expired,
    tokenValidation: true,
  });

  const wrongType = wrongTokenType(protection, operation.rejections);
  if (wrongType) add(wrongType);

  // N16: an access token without any of the method's scopes. REST: 401 (AWS doc, §2.1);
  // HTTP API: 403 Forbidden (unconfirmed, §3; the model carries it as `insufficientScope`).
  if (protection.scopes.length > 0)
    add({
      kind: 'missing-scope',
      token: {
        from: 'variable',
        variable: 'unscopedAccessToken',
        mint: { tokenUse: 'access', scopes: ['gatecheck/none'] },
      },
      expect: model.gatewayKind === 'rest' ? unauthorized : insufficientScope,
    });

  // N13: the issuer must be one of the authorizer's pools (kc-401 "issuer … matches").
  add({
    kind: 'other-pool',
    token: {
      from: 'variable',
      variable: 'otherPoolToken',
      mint: { tokenUse: kind, pool: 'other' },
    },
    expect: unauthorized,
    tokenValidation: true,
  });

  // HTTP API JWT authorizer: `aud` (or `client_id` without `aud`) must be one of
  // `jwtConfiguration.audience` (aws-behaviour §3), so a token the same pool issued to another app
  // client is refused with 401. REST Cognito authorizers do not compare the audience.
  if (protection.kind === 'jwt' && protection.audience.length > 0)
    add({
      kind: 'other-client',
      token: {
        from: 'variable',
        variable: 'otherClientToken',
        mint: { tokenUse: kind, client: 'other' },
      },
      expect: unauthorized,
      tokenValidation: true,
    });

  // INVALID_API_KEY: 403 Forbidden (aws-behaviour §2.2). With `x-amazon-apigateway-api-key-source:
  // AUTHORIZER` the key comes from a Lambda authorizer, not a header: nothing to send wrong.
  if (operation.apiKey && model.apiKeySource === 'HEADER') {
    const valid: TokenSource = { from: 'captured', kind };
    variants.push({ kind: 'api-key-missing', token: valid, apiKey: 'omit', expect: invalidApiKey });
    variants.push({ kind: 'api-key-wrong', token: valid, apiKey: 'wrong', expect: invalidApiKey });
  }
  return variants;
}

/**
 * N15, token_use confusion. REST Cognito authorizers take ID tokens on methods without scopes and
 * access tokens on methods with scopes, and reject the other kind with 401 (aws-behaviour §2.1).
 * HTTP API JWT authorizers do not check `token_use` (§3): an access token passes a route without
 * scopes, so the check is only emitted for scoped routes, where an ID token (no `scope` claim)
 * fails the scope check like a missing scope.
 */
function wrongTokenType(
  protection: TokenProtection,
  rejections: ExpectedRejections,
): NegativeVariant | undefined {
  const other: TokenKind = protection.tokenKind === 'id' ? 'access' : 'id';
  const token: TokenSource = { from: 'captured', kind: other };
  if (protection.kind === 'cognito')
    return { kind: 'wrong-token-type', token, expect: rejections.unauthorized };
  if (protection.scopes.length === 0 || other !== 'id') return undefined;
  return { kind: 'wrong-token-type', token, expect: rejections.insufficientScope };
}
