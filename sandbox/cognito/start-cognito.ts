import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenLifetimes } from '../types.js';
import { systemClock, type Clock } from './clock.js';
import type { OperationContext } from './context.js';
import { handleApiCall } from './http/api-route.js';
import { handleSandboxRoute } from './http/sandbox-routes.js';
import {
  refuseSandboxRequest,
  sandboxPathPrefix,
  type SandboxGuard,
} from './http/sandbox-guard.js';
import { handleWellKnown } from './http/well-known.js';
import { sendJson } from './http/wire.js';
import { findPool, findUser } from './lookup.js';
import { domainUrlOf, handleDomainRoute } from './oauth/domain-route.js';
import type { TokenEndpointFaults } from './oauth/token-endpoint.js';
import { enableSoftwareTokenMfa } from './operations/software-token.js';
import { Outbox, type DeliveredCode } from './outbox.js';
import { SessionStore } from './sessions.js';
import { KeyAllocator } from './signing-keys.js';
import { createState } from './state.js';
import { issueTestToken, type TestTokenRequest } from './test-tokens.js';
import { Throttle, type ThrottleConfig } from './throttle.js';
import { issuerOf } from './tokens.js';

export interface CognitoOptions {
  /** 0 (default) = a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Region in pool ids and ARNs. Default `us-east-1`. */
  region?: string;
  /** Seconds; defaults 3600 / 3600 / 30 days as Cognito's. App clients' own validity fields win. */
  tokenLifetimes?: Partial<TokenLifetimes>;
  /**
   * Off by default. Scopes added to API sign-in access tokens (InitiateAuth,
   * RespondToAuthChallenge, refresh) of every pool created from now on, next to
   * `aws.cognito.signin.user.admin`. Models a pre token generation Lambda trigger of event version
   * V2/V3 (`scopesToAdd`), the only way a real pool puts other scopes into such tokens; it needs
   * the Essentials or Plus tier, so Lite pools ignore it (docs/reference/aws-wire-behaviour.md
   * §1.10).
   */
  preTokenGenerationScopes?: string[];
  /** Start throttled (see `setThrottle`). */
  throttle?: ThrottleConfig;
  /** Time source (tests). */
  clock?: Clock;
  /** The secret of the sandbox-only paths (`sandboxSecretHeader`); default: 32 random bytes. */
  testSecret?: string;
}

export interface CognitoStandIn {
  /** Cognito Identity Provider endpoint for SDKs and collections: `http://127.0.0.1:PORT/`. */
  endpoint: string;
  /** Same server, no trailing slash: base of issuers and of the sandbox-only paths. */
  url: string;
  /** What the sandbox-only paths require in `sandboxSecretHeader`. */
  testSecret: string;
  region: string;
  /** `<url>/<userPoolId>`. */
  issuer(userPoolId: string): string;
  /** `<url>/<userPoolId>/.well-known/jwks.json`. */
  jwksUri(userPoolId: string): string;
  /**
   * Base of a user pool domain's OAuth 2.0 endpoints (`/oauth2/authorize`, `/oauth2/token`,
   * `/oauth2/userInfo`, `/logout`): `<url>/__domain/<prefix>`, standing in for
   * `https://<prefix>.auth.<region>.amazoncognito.com`.
   */
  domainUrl(prefix: string): string;
  /** Loosens the token endpoint on purpose (proof suite); all off by default. */
  setOAuthFaults(faults: Partial<TokenEndpointFaults>): void;
  /** Lets sandbox-only requests name a pool `main` / `other` instead of its id. */
  aliasPool(alias: string, userPoolId: string): void;
  /** Replaces the scopes a pool's simulated pre token generation trigger adds (`[]` = no trigger). */
  setPreTokenGenerationScopes(userPoolId: string, scopes: string[]): void;
  /** Associates, verifies and enables a software token for the user; returns its base32 secret. */
  enableSoftwareTokenMfa(userPoolId: string, username: string): string;
  /** Turns throttling on (TooManyRequestsException) or off (`undefined`). */
  setThrottle(config: ThrottleConfig | undefined): void;
  setTokenLifetimes(lifetimes: Partial<TokenLifetimes>): void;
  /** The latest one-time code delivered to the user. */
  latestCode(username: string, userPoolId?: string): DeliveredCode | undefined;
  issueTestToken(request: TestTokenRequest): Promise<string>;
  stop(): Promise<void>;
}

const defaultLifetimes: TokenLifetimes = { id: 3600, access: 3600, refresh: 30 * 86400 };

/**
 * Starts the Cognito user pool stand-in (JSON API) on 127.0.0.1. Provision it through the real
 * `@aws-sdk/client-cognito-identity-provider` client with `endpoint` set to `endpoint` and any
 * static credentials (see README.md in this folder).
 */
export async function startCognito(options: CognitoOptions = {}): Promise<CognitoStandIn> {
  const clock = options.clock ?? systemClock;
  const keys = new KeyAllocator();
  keys.warmUp();
  const ctx: OperationContext = {
    state: createState(),
    clock,
    keys,
    sessions: new SessionStore(clock),
    outbox: new Outbox(clock),
    settings: {
      baseUrl: '',
      region: options.region ?? 'us-east-1',
      tokenLifetimes: { ...defaultLifetimes, ...options.tokenLifetimes },
      preTokenGenerationScopes: [...(options.preTokenGenerationScopes ?? [])],
    },
  };
  const throttle = new Throttle(clock);
  throttle.set(options.throttle);
  const oauthFaults: TokenEndpointFaults = { pkceNotVerified: false };
  const testSecret = options.testSecret ?? randomBytes(32).toString('base64url');
  // Hosts are known once the server listens; until then every sandbox-only request is refused.
  const guard: SandboxGuard = { secret: testSecret, hosts: [] };

  const server = createServer((req, res) => {
    route(ctx, throttle, oauthFaults, guard, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { message: error instanceof Error ? error.message : 'error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  ctx.settings.baseUrl = url;
  guard.hosts.push(`127.0.0.1:${port}`, `localhost:${port}`);

  return {
    endpoint: `${url}/`,
    url,
    testSecret,
    region: ctx.settings.region,
    issuer: (userPoolId) => issuerOf(url, userPoolId),
    jwksUri: (userPoolId) => `${issuerOf(url, userPoolId)}/.well-known/jwks.json`,
    domainUrl: (prefix) => domainUrlOf(url, prefix),
    setOAuthFaults: (faults) => {
      oauthFaults.pkceNotVerified = faults.pkceNotVerified ?? false;
    },
    aliasPool: (alias, userPoolId) => {
      findPool(ctx.state, userPoolId);
      ctx.state.poolAliases.set(alias, userPoolId);
    },
    setPreTokenGenerationScopes: (userPoolId, scopes) => {
      findPool(ctx.state, userPoolId).preTokenGenerationScopes = [...scopes];
    },
    enableSoftwareTokenMfa: (userPoolId, username) =>
      enableSoftwareTokenMfa(findUser(findPool(ctx.state, userPoolId), username)),
    setThrottle: (config) => throttle.set(config),
    setTokenLifetimes: (lifetimes) => {
      ctx.settings.tokenLifetimes = { ...ctx.settings.tokenLifetimes, ...lifetimes };
    },
    latestCode: (username, userPoolId) => ctx.outbox.latest(username, userPoolId),
    issueTestToken: (request) => issueTestToken(ctx, request),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function route(
  ctx: OperationContext,
  throttle: Throttle,
  oauthFaults: TokenEndpointFaults,
  guard: SandboxGuard,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith(sandboxPathPrefix)) {
    const refusal = refuseSandboxRequest(guard, req);
    if (refusal) return sendJson(res, 403, { message: refusal });
  }
  if (req.method === 'POST' && url.pathname === '/') return handleApiCall(ctx, throttle, req, res);
  if (await handleDomainRoute(ctx, oauthFaults, req, res, url)) return;
  if (await handleSandboxRoute(ctx, throttle, req, res, url)) return;
  if (req.method === 'GET' && (await handleWellKnown(ctx, url.pathname, res))) return;
  sendJson(res, 404, { message: 'Not Found' });
}
