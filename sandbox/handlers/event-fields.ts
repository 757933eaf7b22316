import type { ProxyEvent } from './types.js';

/** The signed-in caller as an integration sees it, from either event format. */
export interface Caller {
  username: string;
  sub?: string;
  groups: string[];
}

export function callerOf(event: ProxyEvent): Caller | undefined {
  const claims =
    event.version === '2.0'
      ? event.requestContext.authorizer?.jwt.claims
      : event.requestContext.authorizer?.claims;
  if (!claims) return undefined;
  // ID tokens name the user `cognito:username`, access tokens `username`
  // (docs/reference/aws-wire-behaviour.md §1.7).
  const username = claims['cognito:username'] ?? claims.username ?? claims.sub;
  if (username === undefined) return undefined;
  return {
    username,
    ...(claims.sub ? { sub: claims.sub } : {}),
    groups: groupsOf(claims['cognito:groups']),
  };
}

/** REST renders groups comma-joined, HTTP APIs as `[a b]`. */
function groupsOf(value: string | undefined): string[] {
  if (!value) return [];
  const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return inner.split(/[,\s]+/).filter((group) => group !== '');
}

export function methodOf(event: ProxyEvent): string {
  return event.version === '2.0' ? event.requestContext.http.method : event.httpMethod;
}

export function pathParametersOf(event: ProxyEvent): Record<string, string> {
  return event.pathParameters ?? {};
}

export function bodyOf(event: ProxyEvent): string | undefined {
  return event.body ?? undefined;
}
