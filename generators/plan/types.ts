/**
 * The plan: what requests a collection sends for each operation and what each must get back.
 * Produced by pure functions from the model (plan-*.ts), consumed by the renderer.
 */
import type { ExpectedRejection, HttpMethod, IdentitySource, TokenKind } from '../model/types.js';

/**
 * Negative checks (see the catalogue in docs/reference/check-catalogue.md §1.3; N-numbers in
 * comments). Each id names one way a request must be rejected; the id is part of the request name
 * in the collection, so a failing run names the check that caught a broken gateway.
 */
export type NegativeCheckKind =
  | 'no-token' // N1
  | 'empty-token' // N2
  | 'bearer-empty' // N2
  | 'bearer-garbage' // N2
  | 'not-a-jwt' // N2
  | 'signature-altered' // N3
  | 'claims-edited' // N4
  | 'alg-none' // N5 (none, None, NONE, nOnE)
  | 'signature-stripped' // N6
  | 'hs256-empty-secret' // N7
  | 'hs256-public-key' // N8
  | 'foreign-key' // RS256 signed by a key the pool never published
  | 'expired' // N11
  | 'wrong-token-type' // N15
  | 'missing-scope' // N16
  | 'api-sign-in-token' // N16: an API sign-in's access token (only aws.cognito.signin.user.admin) on a method with other scopes
  | 'other-pool' // N13
  | 'other-client' // HTTP API: a token of the pool's other app client, outside the audience
  | 'aud-not-matching' // REST Cognito: an ID token whose `aud` the identityValidationExpression refuses
  | 'expression-mismatch' // Lambda TOKEN: a token form the identityValidationExpression refuses
  | 'identity-source-missing' // Lambda REQUEST: one identity source left out
  | 'pool-not-accepted' // several pools: a valid token of one of the API's pools this authorizer does not trust
  | 'api-key-missing'
  | 'api-key-wrong';

/** The OAuth 2.0 grants whose access tokens a run obtains from the user pool domain. */
export type OAuthGrant = 'oauth-user' | 'client-credentials';

/** How the token (or API key) of a request is obtained at run time. */
export type TokenSource =
  | { from: 'none' }
  /**
   * The signed-in user's token of this kind (captured by the sign-in folder), or with `grant`
   * the access token of that OAuth 2.0 grant (token-source.ts): the code flow's user token
   * (refreshed with the refresh token the run supplies) or a client credentials token.
   */
  | {
      from: 'captured';
      kind: TokenKind;
      grant?: OAuthGrant;
      /** APIs with several user pools: the pool whose signed-in token it is (absent: pool 1). */
      pool?: number;
    }
  /**
   * A value the run supplies in a variable; the check is reported as skipped when it is empty
   * (unless `mint` is set and the run targets the sandbox, which then mints the token).
   */
  | {
      from: 'variable';
      variable: string;
      mint?: SandboxTokenRequest;
      /**
       * A regular expression the token's `aud` must NOT match (whole value): when the supplied or
       * minted token's `aud` matches it, the check cannot show anything and is skipped.
       */
      audNotMatching?: string;
    }
  /**
   * Built in a pre-request script from the captured token of this kind. `variant` picks one form
   * of the forgery (e.g. the spelling of `alg` for `alg-none`: `none`, `None`, `NONE`, `nOnE`).
   */
  | {
      from: 'forged';
      kind: TokenKind;
      forgery: NegativeCheckKind;
      variant?: string;
      grant?: OAuthGrant;
      /** Forged from this pool's token (absent: pool 1). */
      pool?: number;
      /**
       * Made distinct per check (from the check's id), so an authorizer's result cache, keyed by
       * the token, never answers it with an earlier check's result (Lambda authorizers).
       */
      distinct?: true;
    }
  /** A fixed literal header value (e.g. `Bearer`, `Bearer x`, `not-a-jwt`). */
  | { from: 'literal'; value: string };

/**
 * A test token the sandbox mints (`POST {{sandboxUrl}}/__sandbox/tokens`, see sandbox/types.ts) when
 * the variable that should hold it is empty; the username is the run's `username`.
 */
export interface SandboxTokenRequest {
  tokenUse: TokenKind;
  /** `pool<N>`: pool N of an API with several pools (the sandbox's second trusted pool). */
  pool?: 'main' | 'other' | `pool${number}`;
  expired?: boolean;
  scopes?: string[];
  signer?: 'pool' | 'foreign';
  /**
   * `other`: issued to an app client of the same pool that is not the run's (`clientId`);
   * `machine`: a client credentials token (no user; `sub` is the client id).
   */
  client?: 'main' | 'other' | 'machine';
}

export interface PlannedRequest {
  /** Stable, content-derived id (used for Postman item ids). */
  id: string;
  /** Shown in Postman and in reports, e.g. `GET /users/{id} · no-token`. */
  name: string;
  method: HttpMethod;
  /** Path with `{param}` replaced by `{{param}}`-free literal values (sentinels for unsafe negatives). */
  path: string;
  /**
   * Variables of gatecheck's own that `path` names as `{{name}}` (an object id captured during the
   * run): the only `{{...}}` in a path that rendering keeps. They hold ids, never secrets.
   */
  pathVariables?: string[];
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: { contentType: string; raw: string };
  /** A Lambda REQUEST authorizer's identity source this check leaves out (the control sends it). */
  omitIdentitySource?: IdentitySource;
  /** Header that carries the token, and whether `Bearer ` is prefixed. */
  tokenHeader?: string;
  token: TokenSource;
  /** API key: sent from `{{apiKey}}`, omitted, or a wrong literal. */
  apiKey?: { header: string; value: 'variable' | 'omit' | 'wrong' };
  /**
   * Which API Gateway answers: it names the request-id header that proves an answer came from the
   * gateway (`x-amzn-RequestId` for REST APIs, `apigw-requestid` for HTTP APIs).
   */
  gatewayKind?: 'rest' | 'http';
}

export interface PositiveCheck extends PlannedRequest {
  role: 'positive';
  operationId: string;
  /** The method's scopes (any one passes); a 401 then names them and the token's own. */
  scopes?: string[];
  expect: { status: number; contentType?: string; schemaRef?: string };
}

/**
 * Runs before an operation's block of negative checks, on the same method and URL, with a valid
 * token; a long block also ends with a closing control (plan-negative-checks.ts).
 */
export interface ControlCheck extends PlannedRequest {
  role: 'control';
  operationId: string;
  /** A closing control: proves the request still gets through after the block; no negative reads it. */
  closing?: true;
  /**
   * `success`: the documented success status (safe methods).
   * `reached-integration`: any answer that is not a gateway rejection (unsafe methods aimed at
   * sentinel targets, where the backend answers 4xx because the target does not exist).
   */
  expect:
    | { mode: 'success'; status: number }
    /**
     * `refused`: a POST, whose harmless body the API is expected to refuse with a 4xx rather than
     * create something from it (the control warns when it does not).
     */
    | { mode: 'reached-integration'; refused?: true };
}

export interface NegativeCheck extends PlannedRequest {
  role: 'negative';
  operationId: string;
  kind: NegativeCheckKind;
  /** Set on the checks of a method behind a Lambda authorizer (their answers differ, see the model). */
  authorizer?: 'lambda';
  expect: ExpectedRejection;
  /** The control this check depends on (its id): the nearest one before it. */
  controlId: string;
  /** The last negative that reads that control's verdict: it clears the verdict after reading. */
  releasesControl?: true;
}

/** A public operation must answer without a token. */
export interface PublicCheck extends PlannedRequest {
  role: 'public';
  operationId: string;
  /**
   * `mode` absent or `success`: the documented status. `reached-integration`: an unsafe method aimed
   * at a sentinel target (no data written), where any answer that is not a gateway rejection will do.
   */
  expect: { status: number; mode?: 'success' | 'reached-integration' };
}

/**
 * An operation gatecheck cannot check (a Lambda or IAM authorizer without a token it can obtain, an
 * undeclared scheme): it sends nothing and is reported as skipped with the reason, so the run
 * summary counts it instead of the operation silently having no checks.
 */
export interface UncheckedOperation extends PlannedRequest {
  role: 'unchecked';
  operationId: string;
  reason: string;
}

export type PlannedCheck =
  PositiveCheck | ControlCheck | NegativeCheck | PublicCheck | UncheckedOperation;

export interface OperationPlan {
  operationId: string;
  /** Folder name, e.g. `GET /users/{id}`. */
  title: string;
  checks: PlannedCheck[];
}

export interface CollectionPlan {
  operations: OperationPlan[];
  /** Number of checks (tests) the collection carries; a run that executes fewer fails. */
  expectedCheckCount: number;
}
