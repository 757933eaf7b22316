import type { SpecDocument } from '../spec/read-spec-file.js';
import type { Route } from '../spec/types.js';
import type { FaultSet } from '../gateway/faults.js';

/** What an integration answers, as a Lambda proxy integration does. */
export interface ProxyResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Lambda proxy event of a REST API (payload 1.0), the parts the sandbox fills. */
export interface RestProxyEvent {
  version?: undefined;
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  queryStringParameters: Record<string, string> | null;
  pathParameters: Record<string, string> | null;
  stageVariables: null;
  body: string | null;
  isBase64Encoded: false;
  requestContext: {
    resourcePath: string;
    httpMethod: string;
    path: string;
    stage: string;
    requestId: string;
    extendedRequestId: string;
    identity: { sourceIp: string };
    /** Present on methods behind a Cognito authorizer: every claim as a string. */
    authorizer?: { claims: Record<string, string> };
  };
}

/** Lambda proxy event of an HTTP API (payload 2.0), the parts the sandbox fills. */
export interface HttpProxyEvent {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  pathParameters?: Record<string, string>;
  body?: string;
  isBase64Encoded: false;
  requestContext: {
    routeKey: string;
    stage: string;
    requestId: string;
    http: { method: string; path: string; sourceIp: string };
    authorizer?: { jwt: { claims: Record<string, string>; scopes: string[] | null } };
  };
}

export type ProxyEvent = RestProxyEvent | HttpProxyEvent;

/** What a handler may know besides the event: the route it serves and the faults switched on. */
export interface HandlerContext {
  route: Route;
  document: SpecDocument;
  faults: FaultSet;
}

export type Handler = (
  event: ProxyEvent,
  context: HandlerContext,
) => ProxyResult | Promise<ProxyResult>;
