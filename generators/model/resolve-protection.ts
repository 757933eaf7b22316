import { parseIdentitySource } from './read-lambda-cognito.js';
import type {
  ApiModel,
  AuthRequirement,
  IdentitySource,
  Protection,
  SecurityAlternatives,
  SecurityScheme,
  WarningCode,
} from './types.js';

/**
 * The default API key header (docs/reference/aws-wire-behaviour.md §2.2: `x-api-key`,
 * case-insensitive).
 */
export const defaultApiKeyHeader = 'x-api-key';

export interface ResolvedProtection {
  protection: Protection;
  apiKey?: { header: string };
  /** The method requires an API key that its Lambda authorizer supplies (key source AUTHORIZER). */
  apiKeyFromAuthorizer?: true;
  /** Things a reviewer should know about the choice (turned into warnings by the caller). */
  notes: { code: WarningCode; message: string }[];
}

/**
 * How a document's `security` lists are read: OpenAPI's OR of alternatives, or API Gateway's
 * reading of its own exports and import definitions, where every entry applies
 * (docs/reference/aws-wire-behaviour.md §4).
 */
export type SecurityReading = 'openapi' | 'api-gateway';

interface Classified {
  requirement: AuthRequirement;
  scheme: SecurityScheme | undefined;
}

/**
 * Which authorizer an operation is behind, from its OR-of-AND security alternatives.
 *
 * - An empty alternative (`{}`) lets anonymous callers in: the operation is public, whatever else
 *   is listed, because a "no token → 401" check would fail against a correct gateway.
 * - Otherwise the first alternative gatecheck can test wins: one with a Cognito/JWT scheme
 *   (possibly ANDed with an API key), else one with only API keys.
 * - Cognito: no scopes → the ID token, scopes → an access token
 *   (docs/reference/aws-wire-behaviour.md §2.1). JWT authorizer: it does not check token_use, so
 *   the same rule picks the token (§3).
 */
export function resolveProtection(
  listed: SecurityAlternatives,
  schemes: Record<string, SecurityScheme>,
  apiKeyRequired: boolean,
  apiKeySource: ApiModel['apiKeySource'],
  reading: SecurityReading = 'openapi',
): ResolvedProtection {
  const notes: ResolvedProtection['notes'] = [];
  const alternatives = withoutNonePseudoScheme(listed, schemes);
  if (alternatives !== listed) {
    notes.push({
      code: 'none-pseudo-scheme',
      message:
        'security names NONE, which AWS SAM writes for a method without authorizer (not a declared scheme): no authorizer applies',
    });
  }
  // The method-level `apiKeyRequired` flag: with key source AUTHORIZER the key comes from a Lambda
  // authorizer, not from a header the caller sends, so there is nothing to send or omit.
  const hintedKey =
    apiKeyRequired && apiKeySource === 'HEADER' ? { header: defaultApiKeyHeader } : undefined;
  const withKey = (resolved: Omit<ResolvedProtection, 'notes'>): ResolvedProtection => {
    if (apiKeySource === 'AUTHORIZER' && (resolved.apiKey !== undefined || apiKeyRequired)) {
      // The key is the Lambda authorizer's `usageIdentifierKey`
      // (docs/reference/aws-wire-behaviour.md §2.2): a header the caller sends is not what API
      // Gateway checks, so no key is sent and no key check planned.
      notes.push({
        code: 'api-key-from-authorizer',
        message:
          'requires an API key, which comes from the Lambda authorizer (x-amazon-apigateway-api-key-source: AUTHORIZER): no x-api-key header is sent or checked',
      });
      return { protection: resolved.protection, apiKeyFromAuthorizer: true, notes };
    }
    const apiKey = resolved.apiKey ?? hintedKey;
    return { ...resolved, ...(apiKey ? { apiKey } : {}), notes };
  };

  if (alternatives.length === 0) return withKey({ protection: { kind: 'public' } });
  if (reading === 'api-gateway') return applyEveryEntry(alternatives, schemes, withKey, notes);
  if (alternatives.some((alternative) => alternative.length === 0)) {
    if (alternatives.length > 1) {
      notes.push({
        code: 'anonymous-allowed',
        message:
          'security lists an empty requirement ({}), so anonymous callers are allowed: checked as public',
      });
    }
    return withKey({ protection: { kind: 'public' } });
  }

  const classified = alternatives.map((alternative) =>
    alternative.map((requirement): Classified => ({
      requirement,
      scheme: schemes[requirement.scheme],
    })),
  );
  const testable = (alternative: Classified[]) =>
    alternative.every(({ scheme }) => scheme !== undefined && scheme.kind !== 'unsupported');
  const hasToken = (alternative: Classified[]) =>
    alternative.some(({ scheme }) => scheme !== undefined && isTokenScheme(scheme));

  const index = classified.findIndex(
    (alternative) => testable(alternative) && hasToken(alternative),
  );
  const chosenIndex = index >= 0 ? index : classified.findIndex(testable);
  if (chosenIndex < 0) {
    const first = classified[0]?.find(
      ({ scheme }) => scheme === undefined || scheme.kind === 'unsupported',
    );
    const description =
      first?.scheme?.kind === 'unsupported'
        ? first.scheme.description
        : `undeclared security scheme "${first?.requirement.scheme ?? '?'}"`;
    return withKey({ protection: { kind: 'unsupported', description } });
  }
  if (alternatives.length > 1) {
    notes.push({
      code: 'alternative-chosen',
      message: `security lists ${alternatives.length} alternatives; checked with alternative ${chosenIndex + 1} (${describe(alternatives[chosenIndex] ?? [])})`,
    });
  }
  const chosen = classified[chosenIndex] ?? [];
  const keyScheme = chosen.find(({ scheme }) => scheme?.kind === 'api-key')?.scheme;
  const apiKey = keyScheme?.kind === 'api-key' ? { header: keyScheme.header } : undefined;
  const token = chosen.find(({ scheme }) => scheme !== undefined && isTokenScheme(scheme));
  if (token?.scheme === undefined)
    return withKey({ protection: { kind: 'public' }, ...(apiKey ? { apiKey } : {}) });

  return withKey({
    protection: tokenProtection(token.scheme, token.requirement.scopes),
    ...(apiKey ? { apiKey } : {}),
  });
}

/**
 * API Gateway's reading of a security list (docs/reference/aws-wire-behaviour.md §4): `get-export`
 * and AWS SAM write a method's authorizer and its required API key as separate entries, `[{"auth":
 * []}, {"api_key": []}]`, and the import applies every entry: the method gets the authorizer and
 * `apiKeyRequired` when an API-key scheme is listed anywhere (the AWS importer tests each entry for
 * `api_key`, amazon-archives/aws-apigateway-importer `containsSecurity`). An empty entry (`{}`)
 * adds nothing.
 *
 * A method has one authorizer, so several different authorizer schemes cannot all apply. Which one
 * the import keeps is UNCONFIRMED (AWS documents neither a refusal nor a rule): the first listed is
 * used, as emulators of the import do, and a warning names it.
 */
function applyEveryEntry(
  alternatives: SecurityAlternatives,
  schemes: Record<string, SecurityScheme>,
  withKey: (resolved: Omit<ResolvedProtection, 'notes'>) => ResolvedProtection,
  notes: ResolvedProtection['notes'],
): ResolvedProtection {
  const entries = alternatives.flat();
  const keyScheme = entries
    .map(({ scheme }) => schemes[scheme])
    .find((scheme) => scheme?.kind === 'api-key');
  const apiKey = keyScheme?.kind === 'api-key' ? { header: keyScheme.header } : undefined;
  const authorizers: AuthRequirement[] = [];
  for (const entry of entries) {
    if (schemes[entry.scheme]?.kind === 'api-key') continue;
    const same = authorizers.find(({ scheme }) => scheme === entry.scheme);
    if (same) same.scopes = [...new Set([...same.scopes, ...entry.scopes])];
    else authorizers.push({ scheme: entry.scheme, scopes: [...entry.scopes] });
  }
  const chosen = authorizers[0];
  if (alternatives.some((alternative) => alternative.length === 0) && chosen !== undefined) {
    notes.push({
      code: 'anonymous-ignored',
      message: `security lists an empty requirement ({}), which API Gateway does not apply: checked with ${chosen.scheme}`,
    });
  }
  if (authorizers.length > 1 && chosen !== undefined) {
    notes.push({
      code: 'several-authorizers',
      message: `security names ${authorizers.length} authorizers (${authorizers.map(({ scheme }) => scheme).join(', ')}) but an API Gateway method has one: checked with ${chosen.scheme}, the first listed`,
    });
  }
  if (chosen === undefined)
    return withKey({ protection: { kind: 'public' }, ...(apiKey ? { apiKey } : {}) });
  const scheme = schemes[chosen.scheme];
  const protection: Protection =
    scheme === undefined
      ? { kind: 'unsupported', description: `undeclared security scheme "${chosen.scheme}"` }
      : scheme.kind === 'unsupported'
        ? { kind: 'unsupported', description: scheme.description }
        : tokenProtection(scheme, chosen.scopes);
  return withKey({ protection, ...(apiKey ? { apiKey } : {}) });
}

/** Cognito: no scopes → the ID token, scopes → an access token (§2.1); JWT authorizers alike (§3). */
function tokenProtection(scheme: SecurityScheme, scopes: string[]): Protection {
  const tokenKind = scopes.length > 0 ? 'access' : 'id';
  if (scheme.kind === 'cognito')
    return {
      kind: 'cognito',
      scheme: scheme.name,
      tokenHeader: scheme.tokenHeader,
      tokenKind,
      scopes,
      ...(scheme.identityValidationExpression === undefined
        ? {}
        : { identityValidationExpression: scheme.identityValidationExpression }),
    };
  if (scheme.kind === 'jwt')
    return {
      kind: 'jwt',
      scheme: scheme.name,
      tokenHeader: scheme.tokenHeader,
      tokenKind,
      scopes,
      audience: scheme.audience,
    };
  if (scheme.kind === 'lambda') {
    // A Lambda authorizer has no method scopes (authorization scopes are a Cognito authorizer's,
    // docs/reference/aws-wire-behaviour.md §2.1): its scopes and token kind are the extension's.
    const { type, identitySources, identityValidationExpression } = scheme.lambda;
    return {
      kind: 'lambda',
      scheme: scheme.name,
      tokenHeader: scheme.tokenHeader,
      tokenKind: scheme.tokenKind,
      scopes: scheme.scopes,
      authorizerType: type,
      // The validation expression applies to TOKEN authorizers only (CreateAuthorizer).
      ...(type === 'token' && identityValidationExpression !== undefined
        ? { identityValidationExpression }
        : {}),
      otherIdentitySources:
        type === 'request'
          ? identitySources
              .map(parseIdentitySource)
              .filter((source): source is IdentitySource => source !== undefined)
              .filter(
                (source) =>
                  !(
                    source.in === 'header' &&
                    source.name.toLowerCase() === scheme.tokenHeader.toLowerCase()
                  ),
              )
          : [],
    };
  }
  return { kind: 'public' };
}

function isTokenScheme(scheme: SecurityScheme): boolean {
  return scheme.kind === 'cognito' || scheme.kind === 'jwt' || scheme.kind === 'lambda';
}

/**
 * AWS SAM writes `{"NONE": []}` for a method that opts out of the API's default authorizer
 * (`Auth: Authorizer: NONE`); `NONE` is not a declared scheme and configures no authorizer. A
 * scheme actually declared as `NONE` is left alone.
 */
function withoutNonePseudoScheme(
  alternatives: SecurityAlternatives,
  schemes: Record<string, SecurityScheme>,
): SecurityAlternatives {
  const isNone = (requirement: AuthRequirement) =>
    requirement.scheme === 'NONE' && schemes.NONE === undefined;
  if (!alternatives.some((alternative) => alternative.some(isNone))) return alternatives;
  return alternatives.map((alternative) => alternative.filter((r) => !isNone(r)));
}

function describe(alternative: AuthRequirement[]): string {
  return alternative
    .map(({ scheme, scopes }) => (scopes.length ? `${scheme} [${scopes.join(' ')}]` : scheme))
    .join(' + ');
}
