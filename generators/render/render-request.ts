/**
 * A planned request as a Postman request: `{{baseUrl}}` + the literal path, the token in its
 * header, the API key, documented headers and body. Scripts add behaviour; this is the wire shape.
 */
import type { PlannedRequest, TokenSource } from '../plan/types.js';
import type { PostmanHeader, PostmanRequest, PostmanUrl } from './postman-types.js';
import { wrongApiKey } from './negative-script-data.js';
import { capturedTokenVariable } from './run-variables.js';

export function renderRequest(request: PlannedRequest): PostmanRequest {
  const header: PostmanHeader[] = [];
  const token = tokenHeaderValue(request.tokenHeader, request.token);
  if (request.tokenHeader !== undefined && token !== undefined) {
    header.push({ key: request.tokenHeader, value: token });
  }
  if (request.apiKey && request.apiKey.value !== 'omit') {
    header.push({
      key: request.apiKey.header,
      value: request.apiKey.value === 'variable' ? '{{apiKey}}' : wrongApiKey,
    });
  }
  for (const [key, value] of Object.entries(request.headers)) header.push({ key, value });
  if (request.body) header.push({ key: 'Content-Type', value: request.body.contentType });
  return {
    method: request.method.toUpperCase(),
    header,
    url: renderUrl(request.path, request.query),
    ...(request.body
      ? {
          body: {
            mode: 'raw' as const,
            raw: request.body.raw,
            options: {
              raw: { language: /json/i.test(request.body.contentType) ? 'json' : 'text' },
            },
          },
        }
      : {}),
  };
}

/**
 * The token header's value. Captured (and forged: its pre-request script swaps the value) tokens
 * are named as `{{idToken}}`/`{{accessToken}}`, which is also how the collection's sign-in on
 * demand sees that a request needs a token. API Gateway accepts the raw token or `Bearer <token>`
 * for Cognito authorizers, and HTTP API JWT authorizers read `Bearer` (aws-behaviour.md §2.1, §3):
 * `Bearer ` is sent in `Authorization`, the raw token in any other header.
 */
export function tokenHeaderValue(
  tokenHeader: string | undefined,
  token: TokenSource,
): string | undefined {
  const bearer = tokenHeader?.toLowerCase() === 'authorization' ? 'Bearer ' : '';
  switch (token.from) {
    case 'none':
      return undefined;
    case 'literal':
      return token.value;
    case 'variable':
      return `${bearer}{{${token.variable}}}`;
    case 'captured':
    case 'forged':
      return `${bearer}{{${capturedTokenVariable(token.kind)}}}`;
  }
}

/** `{{baseUrl}}/users/42?x=1`, also broken down as Postman stores it. */
export function renderUrl(path: string, query: Record<string, string>): PostmanUrl {
  // Percent-encoded once here; Postman's URL encoder leaves existing escapes alone.
  const entries = Object.entries(query).map(
    ([key, value]) => [encodeURIComponent(key), encodeURIComponent(value)] as const,
  );
  const search = entries.length
    ? `?${entries.map(([key, value]) => `${key}=${value}`).join('&')}`
    : '';
  return {
    raw: `{{baseUrl}}${path}${search}`,
    host: ['{{baseUrl}}'],
    path: path.replace(/^\//, '').split('/'),
    ...(entries.length ? { query: entries.map(([key, value]) => ({ key, value })) } : {}),
  };
}
