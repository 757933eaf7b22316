import type {
  ApiModel,
  AuthRequirement,
  Protection,
  SecurityAlternatives,
  SecurityScheme,
  WarningCode,
} from './types.js';

/** The default API key header (aws-behaviour.md §2.2: `x-api-key`, case-insensitive). */
export const defaultApiKeyHeader = 'x-api-key';

export interface ResolvedProtection {
  protection: Protection;
  apiKey?: { header: string };
  /** Things a reviewer should know about the choice (turned into warnings by the caller). */
  notes: { code: WarningCode; message: string }[];
}

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
 * - Cognito: no scopes → the ID token, scopes → an access token (aws-behaviour.md §2.1).
 *   JWT authorizer: it does not check token_use, so the same rule picks the token (§3).
 */
export function resolveProtection(
  alternatives: SecurityAlternatives,
  schemes: Record<string, SecurityScheme>,
  apiKeyRequired: boolean,
  apiKeySource: ApiModel['apiKeySource'],
): ResolvedProtection {
  const notes: ResolvedProtection['notes'] = [];
  // The method-level `apiKeyRequired` flag: with key source AUTHORIZER the key comes from a Lambda
  // authorizer, not from a header the caller sends, so there is nothing to send or omit.
  const hintedKey =
    apiKeyRequired && apiKeySource === 'HEADER' ? { header: defaultApiKeyHeader } : undefined;
  const withKey = (resolved: Omit<ResolvedProtection, 'notes'>): ResolvedProtection => {
    const apiKey = resolved.apiKey ?? hintedKey;
    return { ...resolved, ...(apiKey ? { apiKey } : {}), notes };
  };

  if (alternatives.length === 0) return withKey({ protection: { kind: 'public' } });
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
    alternative.some(({ scheme }) => scheme?.kind === 'cognito' || scheme?.kind === 'jwt');

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
  const token = chosen.find(({ scheme }) => scheme?.kind === 'cognito' || scheme?.kind === 'jwt');
  if (token?.scheme === undefined)
    return withKey({ protection: { kind: 'public' }, ...(apiKey ? { apiKey } : {}) });

  const scopes = token.requirement.scopes;
  const tokenKind = scopes.length > 0 ? 'access' : 'id';
  const protection: Protection =
    token.scheme.kind === 'cognito'
      ? {
          kind: 'cognito',
          scheme: token.scheme.name,
          tokenHeader: token.scheme.tokenHeader,
          tokenKind,
          scopes,
        }
      : token.scheme.kind === 'jwt'
        ? {
            kind: 'jwt',
            scheme: token.scheme.name,
            tokenHeader: token.scheme.tokenHeader,
            tokenKind,
            scopes,
            audience: token.scheme.audience,
          }
        : { kind: 'public' };
  return withKey({ protection, ...(apiKey ? { apiKey } : {}) });
}

function describe(alternative: AuthRequirement[]): string {
  return alternative
    .map(({ scheme, scopes }) => (scopes.length ? `${scheme} [${scopes.join(' ')}]` : scheme))
    .join(' + ');
}
