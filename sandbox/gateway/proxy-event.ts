import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { HttpProxyEvent, ProxyEvent, RestProxyEvent } from '../handlers/types.js';
import type { GatewayKind, Route } from '../spec/types.js';
import { httpClaims, restClaims } from './render-claims.js';

export interface IncomingCall {
  kind: GatewayKind;
  route: Route;
  stage: string;
  method: string;
  /** Path below the stage, e.g. `/users/42`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  pathParameters: Record<string, string>;
  body: string;
  requestId: string;
  extendedRequestId: string;
  sourceIp: string;
  claims?: JwtPayload;
}

/** The Lambda proxy event for the call: payload 1.0 for REST APIs, 2.0 for HTTP APIs. */
export function proxyEventOf(call: IncomingCall): ProxyEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query = Object.fromEntries(call.query);
  const hasQuery = Object.keys(query).length > 0;
  const hasParameters = Object.keys(call.pathParameters).length > 0;
  const stagePath = call.stage ? `/${call.stage}${call.path}` : call.path;
  if (call.kind === 'http') {
    const routeKey = `${call.route.method === 'ANY' ? 'ANY' : call.route.method} ${call.route.path}`;
    const event: HttpProxyEvent = {
      version: '2.0',
      routeKey,
      rawPath: stagePath,
      rawQueryString: call.query.toString(),
      headers,
      ...(hasQuery ? { queryStringParameters: query } : {}),
      ...(hasParameters ? { pathParameters: call.pathParameters } : {}),
      ...(call.body ? { body: call.body } : {}),
      isBase64Encoded: false,
      requestContext: {
        routeKey,
        stage: call.stage || '$default',
        requestId: call.requestId,
        http: { method: call.method, path: stagePath, sourceIp: call.sourceIp },
        ...(call.claims
          ? {
              authorizer: {
                jwt: {
                  claims: httpClaims(call.claims),
                  // `scopes` is null when the token has no `scope` claim (captured event,
                  // docs/reference/aws-wire-behaviour.md §3).
                  scopes:
                    typeof call.claims.scope === 'string' ? call.claims.scope.split(' ') : null,
                },
              },
            }
          : {}),
      },
    };
    return event;
  }
  const event: RestProxyEvent = {
    resource: call.route.path,
    path: call.path,
    httpMethod: call.method,
    headers,
    queryStringParameters: hasQuery ? query : null,
    pathParameters: hasParameters ? call.pathParameters : null,
    stageVariables: null,
    body: call.body || null,
    isBase64Encoded: false,
    requestContext: {
      resourcePath: call.route.path,
      httpMethod: call.method,
      path: stagePath,
      stage: call.stage,
      requestId: call.requestId,
      extendedRequestId: call.extendedRequestId,
      identity: { sourceIp: call.sourceIp },
      ...(call.claims ? { authorizer: { claims: restClaims(call.claims) } } : {}),
    },
  };
  return event;
}
