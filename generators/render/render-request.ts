/**
 * A planned request as a Postman request: `{{baseUrl}}` + the literal path, the token in its
 * header, the API key, documented headers and body. Scripts add behaviour; this is the wire shape.
 * Every string from the spec goes through `plain` (neutralise-variables.ts), so only the `{{...}}`
 * written here, by gatecheck, name variables.
 */
import type { PlannedRequest, TokenSource } from '../plan/types.js';
import type { PostmanHeader, PostmanRequest, PostmanUrl } from './postman-types.js';
import { wrongApiKey } from '../contract/library-constants.js';
import { neutraliseVariables as plain } from './neutralise-variables.js';
import { capturedTokenVariable } from '../contract/run-variables.js';

export function renderRequest(request: PlannedRequest): PostmanRequest {
  const header: PostmanHeader[] = [];
  const token = tokenHeaderValue(request.tokenHeader, request.token);
  if (request.tokenHeader !== undefined && token !== undefined) {
    header.push({ key: plain(request.tokenHeader), value: token });
  }
  if (request.apiKey && request.apiKey.value !== 'omit') {
    header.push({
      key: plain(request.apiKey.header),
      value: request.apiKey.value === 'variable' ? '{{apiKey}}' : wrongApiKey,
    });
  }
  for (const [key, value] of Object.entries(request.headers)) {
    header.push({ key: plain(key), value: plain(value) });
  }
  if (request.body) header.push({ key: 'Content-Type', value: plain(request.body.contentType) });
  return {
    method: request.method.toUpperCase(),
    header,
    url: renderUrl(request.path, request.query, request.pathVariables),
    ...(request.body
      ? {
          body: {
            mode: 'raw' as const,
            raw: plain(request.body.raw),
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
 * for Cognito authorizers, and HTTP API JWT authorizers read `Bearer`
 * (docs/reference/aws-wire-behaviour.md §2.1, §3): `Bearer ` is sent in `Authorization`, the raw
 * token in any other header.
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
      return plain(token.value);
    case 'variable':
      return `${bearer}{{${token.variable}}}`;
    case 'captured':
    case 'forged':
      return `${bearer}{{${capturedTokenVariable(token.kind, token)}}}`;
  }
}

/** `{{baseUrl}}/users/42?x=1`, also broken down as Postman stores it. */
export function renderUrl(
  specPath: string,
  query: Record<string, string>,
  ownVariables: readonly string[] = [],
): PostmanUrl {
  let path = plain(specPath);
  for (const name of ownVariables) path = path.replaceAll(plain(`{{${name}}}`), `{{${name}}}`);
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
