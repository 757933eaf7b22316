/**
 * The sandbox: a local Cognito user pool (JSON API) and a local API Gateway stage, both on
 * 127.0.0.1, that answer as AWS does (see docs/reference/aws-wire-behaviour.md).
 *
 * The sandbox reads the OpenAPI spec with its own code and never imports `generators/`, so a bug
 * in the generator cannot hide behind the same bug here.
 */

/**
 * Misconfigurations the gateway can be started with, to prove that checks fail when the gateway
 * is broken. All off by default.
 */
export const faultNames = [
  /** One method (`target`, e.g. `GET /demo`) has no authorizer: any request reaches the integration. */
  'authorizer-removed',
  /** Tokens are decoded but their signature is not verified (claims are still checked). */
  'signature-not-verified',
  /** `exp` is not checked. */
  'expiry-not-checked',
  /** Method scopes are not compared with the token's `scope` claim. */
  'scopes-ignored',
  /** `token_use` is not checked (access tokens pass ID-token methods and vice versa). */
  'token-use-ignored',
  /** Any issuer is trusted: the token is verified against the JWKS of whatever sandbox pool its `iss` names. */
  'any-issuer-accepted',
  /**
   * Several user pools: every authorizer accepts the tokens of every pool the API's authorizers
   * trust, not only of the pools it names (providerARNs, `x-gatecheck-cognito.userPool`).
   */
  'every-pool-accepted',
  /** API keys are not checked. */
  'api-key-not-enforced',
  /** HTTP API JWT authorizer: `aud` / `client_id` are not compared with the audience. */
  'audience-not-checked',
  /** Tokens with `alg: none` (any case) and no signature are accepted. */
  'alg-none-accepted',
  /**
   * An authorizer's `identityValidationExpression` is not applied: a Cognito authorizer accepts
   * ID tokens whatever their `aud`, a Lambda TOKEN authorizer is called whatever the token text.
   */
  'validation-expression-ignored',
  /**
   * Method scopes are not compared with the `scope` claim of client credentials tokens (no user:
   * `sub` is the client id): any machine token of the pool passes a scoped method.
   */
  'machine-scopes-ignored',
  /** The user pool domain's `/oauth2/token` does not compare the PKCE `code_verifier` with the code's challenge. */
  'pkce-not-verified',
  /** The users API lets anyone change any record (no owner/admin check in the handler). */
  'owner-check-removed',
  /**
   * The users API no longer checks WHICH group a caller is in: membership of any Cognito group
   * grants the `admin` group's right to change any record.
   */
  'group-check-removed',
] as const;

export type FaultName = (typeof faultNames)[number];

export interface Fault {
  name: FaultName;
  /** For `authorizer-removed`: the method, as `GET /path`. Default: every protected method. */
  target?: string;
}

export interface TokenLifetimes {
  /** Seconds. Defaults: 3600 / 3600 / 30 days, as Cognito's defaults. */
  id: number;
  access: number;
  refresh: number;
}

export interface SandboxOptions {
  /** OpenAPI / Swagger API Gateway export to serve. */
  specPath: string;
  /** Stage name; default: from the spec's server/basePath, else `test`. */
  stage?: string;
  /** 0 (default) = a free port. */
  cognitoPort?: number;
  gatewayPort?: number;
  region?: string;
  tokenLifetimes?: Partial<TokenLifetimes>;
  faults?: Fault[];
  /** Added to every gateway response, to simulate a real region's latency (benchmarks). */
  latencyMs?: number;
  /** Give the app client a secret (then SECRET_HASH is enforced). Default false. */
  clientSecret?: boolean;
  /** Fixed passwords instead of random ones (tests); never printed. */
  passwords?: Record<string, string>;
  /** The secret of the sandbox-only paths (`sandboxSecretHeader`); default: 32 random bytes. */
  testSecret?: string;
  /**
   * Give the trusted pool a simulated pre token generation trigger (event version V2, Essentials
   * tier) that adds the spec's method scopes to API sign-in access tokens. Default false, AWS's
   * default behaviour: such tokens carry only `aws.cognito.signin.user.admin` and methods with
   * other scopes need tokens from the OAuth 2.0 endpoints (docs/reference/aws-wire-behaviour.md §1.10).
   */
  preTokenGenerationTrigger?: boolean;
}

export interface SandboxUser {
  username: string;
  password: string;
  email: string;
  phoneNumber: string;
  groups: string[];
  /** `FORCE_CHANGE_PASSWORD` users answer NEW_PASSWORD_REQUIRED at first sign-in. */
  status: 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';
  /** Base32 TOTP secret when the user has SOFTWARE_TOKEN_MFA enabled. */
  totpSecret?: string;
  /** What the user is for: `main`, `second`, `admin`, `new-password`, `totp-mfa`, `sign-out`. */
  role: string;
}

/** A persona of the authorization checks: its user signs in with a password. */
export interface SandboxPersona {
  name: string;
  username: string;
  password: string;
  groups: string[];
}

export interface Sandbox {
  /** Cognito Identity Provider endpoint, e.g. `http://127.0.0.1:41233/` (trailing slash). */
  cognitoEndpoint: string;
  /** Base URL of the sandbox-only helpers (outbox, test tokens): same server as Cognito, no trailing slash. */
  sandboxUrl: string;
  /** The secret the sandbox-only helpers require in `sandboxSecretHeader`; never printed. */
  testSecret: string;
  /** API base URL including the stage, no trailing slash: `http://127.0.0.1:41234/prod`. */
  apiBaseUrl: string;
  stage: string;
  region: string;
  userPoolId: string;
  /** Issuer of the main pool's tokens: `<sandboxUrl>/<userPoolId>`. */
  issuer: string;
  /** The main app client: API sign-ins, and the OAuth code (+ PKCE) and implicit grants. */
  clientId: string;
  /** The app client's ExplicitAuthFlows when the spec sets them (`x-gatecheck-sandbox`); else every flow. */
  appClientAuthFlows?: string[];
  clientSecret?: string;
  /**
   * Base URL of the main pool's domain (`/oauth2/authorize`, `/oauth2/token`, `/oauth2/userInfo`,
   * `/logout`), standing in for `https://<prefix>.auth.<region>.amazoncognito.com`.
   */
  cognitoDomain: string;
  /** A confidential client for `client_credentials`, when the spec names resource-server scopes. */
  machineClient?: { clientId: string; clientSecret: string };
  /** Loosens the token endpoint on purpose (proof suite). */
  setOAuthFaults(faults: { pkceNotVerified?: boolean }): void;
  /** A second pool the gateway does not trust, with one user, for the other-pool check. */
  otherPool: {
    userPoolId: string;
    clientId: string;
    issuer: string;
    username: string;
    password: string;
  };
  /**
   * Several user pools in the spec: pool 2 (the spec's second pool, and any further one), trusted
   * by the authorizers that name it, with one user. Absent for a spec with one pool.
   */
  secondPool?: {
    userPoolId: string;
    clientId: string;
    issuer: string;
    username: string;
    password: string;
  };
  /** API key the gateway accepts (for methods that require one). */
  apiKey: string;
  users: SandboxUser[];
  /** Users for the authorization checks, by persona name (`owner`, `other`, `admin`, `support`). */
  personas: SandboxPersona[];
  /** Change faults while running (tests). */
  setFaults(faults: Fault[]): void;
  stop(): Promise<void>;
}

/**
 * Sandbox-only HTTP paths on the Cognito server (never part of AWS's API). Documented in README.
 * Each needs the `sandboxSecretHeader` and a loopback `Host` (403 otherwise).
 * - `GET  /__sandbox/outbox?username=U`       → `{"username","medium":"EMAIL"|"SMS","code","sentAt"}` latest code, 404 if none
 * - `GET  /__sandbox/totp?username=U`         → `{"code"}` the user's current TOTP code
 * - `POST /__sandbox/tokens` `{username, tokenUse:"id"|"access", pool?:"main"|"other", expired?:boolean, scopes?:string[], signer?:"pool"|"foreign", client?:"main"|"other"}`
 *                                              → `{"token"}` a test token (expired, other pool, unscoped, or signed by an unpublished key)
 * - `POST /__sandbox/throttle` `{rejectNext?:number, maxRequests?:number, windowMs?:number, operations?:string[]}` (or `{}` to turn off)
 *                                              → Cognito answers `TooManyRequestsException` as configured
 */
/**
 * The sandbox-only paths answer only a request that carries the sandbox's own secret in this
 * header and names the server as `127.0.0.1:<port>` or `localhost:<port>` in `Host` (so a web page
 * the user visits cannot reach them through DNS rebinding). They hand out one-time codes and
 * tokens: another user of the machine, or a page in the browser, must not get them.
 */
export const sandboxSecretHeader = 'x-gatecheck-sandbox-secret';

export const sandboxPaths = {
  outbox: '/__sandbox/outbox',
  totp: '/__sandbox/totp',
  tokens: '/__sandbox/tokens',
  throttle: '/__sandbox/throttle',
} as const;
