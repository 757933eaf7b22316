import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUsersHandler, type Owner, type UserRecordSeed } from '../handlers/users-handler.js';
import { isUserItemPath, selectHandler, type ExampleHandlers } from '../handlers/select-handler.js';
import { documentedBody } from '../handlers/documented-body.js';
import type { ProxyResult } from '../handlers/types.js';
import type { GatewaySpec } from '../spec/types.js';
import type { Fault } from '../types.js';
import type { GatewayAnswer, Refusal } from './answer.js';
import { authorize } from './authorize.js';
import { answerExport } from './export-api.js';
import { FaultSet } from './faults.js';
import { httpRefusalAnswer } from './http-refusals.js';
import { createRouter } from './match-route.js';
import { proxyEventOf } from './proxy-event.js';
import { restRefusalAnswer } from './rest-refusals.js';
import { createTokenVerifier, type TokenTrust } from './verify-token.js';

export interface GatewayOptions {
  spec: GatewaySpec;
  /** Default: the spec's stage, else `test`. */
  stage?: string;
  /** 0 (default) = a free port. Always on 127.0.0.1. */
  port?: number;
  trust: TokenTrust;
  /** API keys the gateway accepts where a method requires one. */
  apiKeys: string[];
  faults?: Fault[];
  /** Added before every answer (benchmarks). */
  latencyMs?: number;
  /** Owner of the users API's seeded records (the main user). */
  seedOwner?: Owner;
  /** One line per request: method, path, status. Never headers or bodies (tokens live there). */
  log?: (line: string) => void;
}

export interface Gateway {
  /** `http://127.0.0.1:<port>`, no trailing slash: also the management API endpoint. */
  url: string;
  /** `<url>/<stage>`, or `<url>` for an empty stage. */
  apiBaseUrl: string;
  stage: string;
  setFaults(faults: Fault[]): void;
  stop(): Promise<void>;
}

/** Starts the API Gateway stand-in for one spec on 127.0.0.1. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { spec } = options;
  const stage = options.stage ?? spec.stage ?? 'test';
  const route = createRouter(spec.routes);
  const verifyToken = createTokenVerifier(options.trust);
  const handlers: ExampleHandlers = {
    users: createUsersHandler(userSeeds(spec, options.seedOwner)),
  };
  let faults = new FaultSet(options.faults);

  async function answer(request: IncomingMessage): Promise<GatewayAnswer> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const requestId = randomUUID();
    const extendedRequestId = randomBytes(11).toString('base64');
    const headers = request.headers;
    const refuse = (refusal: Refusal): GatewayAnswer =>
      spec.kind === 'http'
        ? httpRefusalAnswer(refusal, extendedRequestId)
        : restRefusalAnswer(refusal, {
            requestId,
            extendedRequestId,
            customResponses: spec.gatewayResponses,
            requestHeaders: headers,
          });

    if (method === 'GET') {
      const exported = answerExport(url.pathname, url.searchParams, headers.accept, {
        document: spec.document,
        stage,
      });
      if (exported) return exported;
    }
    const path = pathBelowStage(url.pathname, stage);
    const match = path === undefined ? undefined : route(method, path);
    if (!match || path === undefined) {
      return refuse({
        reason: 'no-route',
        ...(headers.authorization ? { authorization: headers.authorization } : {}),
      });
    }
    const body = await readBody(request);
    const decision = await authorize(match.route, {
      verifyToken,
      apiKeys: options.apiKeys,
      faults,
      headers,
      query: url.searchParams,
    });
    if (!decision.allowed) return refuse(decision.refusal);

    const event = proxyEventOf({
      kind: spec.kind,
      route: match.route,
      stage,
      method,
      path,
      query: url.searchParams,
      headers,
      pathParameters: match.pathParameters,
      body,
      requestId,
      extendedRequestId,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      ...(decision.claims ? { claims: decision.claims } : {}),
    });
    const handler = selectHandler(match.route, handlers);
    let result: ProxyResult;
    try {
      result = await handler(event, { route: match.route, document: spec.document, faults });
    } catch {
      // What API Gateway answers when a Lambda proxy integration fails.
      result = {
        statusCode: 502,
        headers: { 'content-type': 'application/json' },
        body: '{"message": "Internal server error"}',
      };
    }
    const idHeaders: Record<string, string> =
      spec.kind === 'http'
        ? { 'apigw-requestid': extendedRequestId }
        : { 'x-amzn-requestid': requestId, 'x-amz-apigw-id': extendedRequestId };
    return {
      status: result.statusCode,
      headers: { ...result.headers, ...idHeaders },
      body: result.body ?? '',
    };
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(request)
      .then(async (reply) => {
        if (options.latencyMs) await sleep(options.latencyMs);
        options.log?.(
          `${request.method ?? ''} ${new URL(request.url ?? '/', 'http://x').pathname} ${reply.status}`,
        );
        response.writeHead(reply.status, {
          ...reply.headers,
          'content-length': Buffer.byteLength(reply.body),
        });
        response.end(reply.body);
      })
      .catch(() => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end('{"message":"Internal server error"}');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiBaseUrl: stage ? `${url}/${stage}` : url,
    stage,
    setFaults: (next) => {
      faults = new FaultSet(next);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** `/prod/users` → `/users` for stage `prod`; undefined when the path is outside the stage. */
function pathBelowStage(pathname: string, stage: string): string | undefined {
  if (!stage) return pathname;
  const prefix = `/${stage}`;
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The users API starts with one record per documented example id, owned by the main user. */
function userSeeds(spec: GatewaySpec, owner: Owner | undefined): UserRecordSeed[] {
  if (owner === undefined) return [];
  const seeds = new Map<string, UserRecordSeed>();
  // GET first: its documented body is the seed record's body.
  const itemRoutes = spec.routes
    .filter((route) => isUserItemPath(route.path))
    .sort((a, b) => Number(b.method === 'GET') - Number(a.method === 'GET'));
  for (const route of itemRoutes) {
    const id = Object.values(route.pathExamples)[0];
    if (id === undefined || seeds.has(id)) continue;
    const documented =
      route.method === 'GET' ? documentedBody(route, spec.document)?.value : undefined;
    const body =
      typeof documented === 'object' && documented !== null && !Array.isArray(documented)
        ? (documented as Record<string, unknown>)
        : {};
    seeds.set(id, { id, owner, body });
  }
  return [...seeds.values()];
}
