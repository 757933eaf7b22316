/**
 * Positive checks: the request a legitimate caller sends (the right token, the API key when one is
 * required, documented parameters and body) and the documented answer it must get.
 */
import type { ApiModel, Operation, ParameterValue, TokenProtection } from '../model/types.js';
import { contentId } from './content-id.js';
import { withIdentitySources } from './identity-sources.js';
import { chooseTokenSource, isOAuthGrant } from './token-source.js';
import type { PositiveCheck, TokenSource } from './types.js';

/**
 * One `PositiveCheck` per operation behind a Cognito, JWT or Lambda authorizer, sending the token
 * the method needs: the ID token when it lists no scopes, the access token when it does
 * (docs/reference/aws-wire-behaviour.md §2.1, §3), from the sign-in that issues its scopes
 * (token-source.ts). Public operations are checked without a token by
 * `planNegativeChecks` (a `PublicCheck`); operations behind authorizers gatecheck cannot test get
 * no request (the collection carries a note instead).
 */
export function planPositiveChecks(model: ApiModel, operation: Operation): PositiveCheck[] {
  const protection = operation.protection;
  if (protection.kind === 'public' || protection.kind === 'unsupported') return [];
  const reserved = [protection.tokenHeader, operation.apiKey?.header].filter(
    (h): h is string => !!h,
  );
  const body = requestBody(operation);
  const { status, contentType, schemaRef } = operation.success;
  // Several pools: the method's own pool first, then every other pool its authorizer accepts.
  const own = protection.kind === 'jwt' ? undefined : protection.pool;
  const accepted = protection.kind === 'jwt' ? [] : (protection.acceptedPools ?? []);
  const pools = [own, ...accepted.filter((pool) => pool !== (own ?? 1))];
  return pools.map((pool, index) => ({
    id:
      index === 0
        ? contentId(model.slug, operation.id, 'positive')
        : contentId(model.slug, operation.id, 'positive', `pool ${pool ?? 1}`),
    name: `${operationTitle(operation)} · positive${index === 0 ? '' : ` (pool ${pool ?? 1})`}`,
    role: 'positive' as const,
    operationId: operation.id,
    ...(protection.scopes.length > 0 ? { scopes: [...protection.scopes] } : {}),
    method: operation.method,
    path: resolvePath(operation.path, operation.parameters),
    ...withIdentitySources(
      { query: requiredQuery(operation), headers: requiredHeaders(operation, reserved) },
      operation,
    ),
    ...(body ? { body } : {}),
    tokenHeader: protection.tokenHeader,
    token: {
      ...capturedTokenOf(operation, protection),
      ...(pool !== undefined && pool > 1 ? { pool } : {}),
    },
    ...(operation.apiKey
      ? { apiKey: { header: operation.apiKey.header, value: 'variable' as const } }
      : {}),
    gatewayKind: model.gatewayKind,
    expect: {
      status,
      ...(contentType !== undefined ? { contentType } : {}),
      ...(schemaRef !== undefined ? { schemaRef } : {}),
    },
  }));
}

/** The valid token of the operation: an API sign-in's, or that of the OAuth grant it needs. */
export function capturedTokenOf(
  operation: Operation,
  protection: TokenProtection,
): Extract<TokenSource, { from: 'captured' }> {
  const choice = chooseTokenSource(operation);
  return {
    from: 'captured',
    kind: protection.tokenKind,
    ...(choice && isOAuthGrant(choice.grant) ? { grant: choice.grant } : {}),
  };
}

// The request as the API documents it (also usable by other planners).

/**
 * `/users/{id}` → `/users/42`. A greedy `{proxy+}` segment keeps the example's slashes (API
 * Gateway matches the rest of the path); other values are percent-encoded as one segment.
 */
export function resolvePath(path: string, parameters: readonly ParameterValue[]): string {
  return path.replace(/\{([^}]+?)(\+?)\}/g, (whole, name: string, greedy: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    if (!parameter) return whole;
    return greedy
      ? parameter.example.split('/').map(encodeURIComponent).join('/')
      : encodeURIComponent(parameter.example);
  });
}

/** Required query parameters with their examples, in spec order. */
export function requiredQuery(operation: Operation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of operation.parameters)
    if (p.in === 'query' && p.required) query[p.name] = p.example;
  return query;
}

/**
 * Required header parameters, except those gatecheck sets itself (the token header, the API key
 * header, Content-Type): a spec documenting `Authorization` as a parameter must not override the token.
 */
export function requiredHeaders(
  operation: Operation,
  reserved: readonly string[],
): Record<string, string> {
  const taken = new Set([...reserved, 'content-type'].map((h) => h.toLowerCase()));
  const headers: Record<string, string> = {};
  for (const p of operation.parameters) {
    if (p.in === 'header' && p.required && !taken.has(p.name.toLowerCase()))
      headers[p.name] = p.example;
  }
  return headers;
}

/** The documented request body as the raw text a request sends. */
export function requestBody(
  operation: Operation,
): { contentType: string; raw: string } | undefined {
  const body = operation.requestBody;
  if (!body) return undefined;
  const raw =
    typeof body.example === 'string' && !/json/i.test(body.contentType)
      ? body.example
      : JSON.stringify(body.example ?? null, null, 2);
  return { contentType: body.contentType, raw };
}

/** Folder and request title: `GET /users/{id}`. */
export function operationTitle(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
