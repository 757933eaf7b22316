/**
 * The intermediate model: everything gatecheck needs from an OpenAPI description to test an API
 * Gateway authorizer, and nothing it does not. One reader per spec shape fills it
 * (see read-*.ts); plan and render consume it. Pure data: no functions, no class instances, so a
 * model can be printed as JSON (`gatecheck inspect --json`) and compared in tests.
 *
 * Every fact that came from the spec keeps the JSON pointer it came from, so warnings and errors
 * can name the exact place in the user's file.
 */
import type { SpecVersion } from '../load/check-document.js';
import type { JsonPointer } from '../load/json-pointer.js';
import type { AuthzModel } from './authz-types.js';

export type { SpecVersion } from '../load/check-document.js';
export type { JsonPointer } from '../load/json-pointer.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

/** Where a model fact came from. */
export interface Origin {
  /** The spec file path or URL as the user gave it. */
  file: string;
  pointer: JsonPointer;
}

export interface ApiModel {
  /** `info.title`. */
  title: string;
  /** File-name-safe identifier derived from the title, e.g. `users-api`. Used for output names. */
  slug: string;
  source: string;
  specVersion: SpecVersion;
  /**
   * How `security` lists are read: `api-gateway` for API Gateway exports and import definitions
   * (any `x-amazon-apigateway-*` extension), where every entry applies; `openapi` (OR of
   * alternatives) otherwise.
   */
  securityReading: 'openapi' | 'api-gateway';
  /** REST API (Cognito user pool authorizer, `x-amazon-apigateway-authtype`) or HTTP API (JWT authorizer). */
  gatewayKind: 'rest' | 'http';
  /** One per stage/server; at least one (a placeholder `https://example.invalid` with a warning when the spec has none). */
  stages: Stage[];
  /** Security schemes by name, as declared (including unsupported ones). */
  schemes: Record<string, SecurityScheme>;
  operations: Operation[];
  /** `x-amazon-apigateway-gateway-responses`, by response type (`UNAUTHORIZED`, `DEFAULT_4XX`, ...). */
  gatewayResponses: Record<string, GatewayResponse>;
  /** `x-amazon-apigateway-api-key-source`; `HEADER` when absent. */
  apiKeySource: 'HEADER' | 'AUTHORIZER';
  /** Named schemas the operations refer to, stored once (see `ResponseExpectation.schemaRef`). */
  schemas: Record<string, unknown>;
  warnings: Warning[];
  /** Personas and who may call what (BOLA/BFLA checks), from the authorization rules. */
  authz?: AuthzModel;
  /**
   * The user pools the authorizers trust, when there are several (pool 1 first): each is signed in
   * to with its own credentials (see model/user-pools.ts).
   */
  pools?: UserPoolRef[];
}

export interface Stage {
  /** Stage name, e.g. `prod`; from the server `basePath` variable, Swagger `basePath`, or `default`. */
  name: string;
  /** Absolute base URL without a trailing slash, e.g. `https://abc.execute-api.eu-west-1.amazonaws.com/prod`. */
  baseUrl: string;
  origin: Origin;
}

export type SecurityScheme =
  | CognitoUserPoolsScheme
  | JwtAuthorizerScheme
  | LambdaCognitoScheme
  | ApiKeyScheme
  | UnsupportedScheme;

/** REST API `COGNITO_USER_POOLS` authorizer: `type: apiKey` + `x-amazon-apigateway-authtype: cognito_user_pools`. */
export interface CognitoUserPoolsScheme {
  kind: 'cognito';
  name: string;
  /** The identity-source header (the scheme's `name`), e.g. `Authorization` or `dev-auth-token`. */
  tokenHeader: string;
  /** Parsed from `x-amazon-apigateway-authorizer.providerARNs`; empty when the export has no authorizer extension. */
  userPools: UserPoolRef[];
  /**
   * `identityValidationExpression`: a regular expression API Gateway matches the incoming token's
   * `aud` claim against; no match is 401 (docs/reference/aws-wire-behaviour.md §2.1).
   */
  identityValidationExpression?: string;
  /** `authorizerResultTtlInSeconds`, when given (API Gateway's default is 300). */
  resultTtlSeconds?: number;
  origin: Origin;
}

/** HTTP API JWT authorizer (`x-amazon-apigateway-authorizer.type: jwt`), or a plain oauth2/openIdConnect/http bearer scheme. */
export interface JwtAuthorizerScheme {
  kind: 'jwt';
  name: string;
  tokenHeader: string;
  /** `jwtConfiguration.issuer`, or undefined when unknown/placeholder. */
  issuer?: string;
  audience: string[];
  /** The user pool read from a Cognito issuer URL, when it is one. */
  userPool?: UserPoolRef;
  /** What the scheme was declared as. */
  declaredAs: 'jwt-authorizer' | 'oauth2' | 'openIdConnect' | 'http-bearer';
  origin: Origin;
}

/** An API key (`x-api-key` header unless the scheme names another). */
export interface ApiKeyScheme {
  kind: 'api-key';
  name: string;
  header: string;
  origin: Origin;
}

export interface UnsupportedScheme {
  kind: 'unsupported';
  name: string;
  /** Human description of what it is, e.g. `Lambda authorizer (request)`, `http basic`, `AWS_IAM (sigv4)`. */
  description: string;
  /** A Lambda authorizer (`x-amazon-apigateway-authtype: custom`), as configured in the export. */
  lambda?: LambdaAuthorizer;
  origin: Origin;
}

/**
 * A REST API Lambda authorizer that verifies Cognito tokens, as the spec's `x-gatecheck-cognito`
 * extension on the scheme declares (docs/reference/api-gateway-exports.md): gatecheck signs in to
 * the named pool and sends the token kind the Lambda verifies.
 */
export interface LambdaCognitoScheme {
  kind: 'lambda';
  name: string;
  /** The header the token is read from: the (first) `method.request.header.X` identity source. */
  tokenHeader: string;
  lambda: LambdaAuthorizer;
  /** `x-gatecheck-cognito.userPool`. */
  userPool: UserPoolRef;
  /** `x-gatecheck-cognito.tokenKind`: the token kind the Lambda verifies. */
  tokenKind: TokenKind;
  /** `x-gatecheck-cognito.scopes`: a valid access token without any of them gets an explicit Deny. */
  scopes: string[];
  origin: Origin;
}

/** A REST API Lambda authorizer (`x-amazon-apigateway-authorizer.type: token | request`). */
export interface LambdaAuthorizer {
  type: 'token' | 'request';
  /**
   * Where API Gateway reads the caller's identity, e.g. `method.request.header.Authorization`,
   * `method.request.querystring.token`; TOKEN authorizers have one (the scheme's header by default).
   */
  identitySources: string[];
  /** TOKEN authorizers: a regular expression the token must match before the Lambda is called. */
  identityValidationExpression?: string;
  /** `authorizerResultTtlInSeconds` (API Gateway's default is 300; 0 disables caching). */
  resultTtlSeconds?: number;
}

export interface UserPoolRef {
  /** e.g. `eu-west-1`; undefined when a placeholder. */
  region?: string;
  /** e.g. `eu-west-1_AbCdEf123`; undefined when a placeholder such as `${UserPoolId}` or `REPLACE_ME`. */
  userPoolId?: string;
  /** The ARN or issuer as written. */
  raw: string;
}

/** One scheme inside a requirement, with the scopes the operation asks of it. */
export interface AuthRequirement {
  scheme: string;
  scopes: string[];
}

/**
 * OpenAPI security: an OR of alternatives, each an AND of requirements.
 * `[]` (empty list) = public; `[[]]` (an empty alternative) = anonymous allowed.
 */
export type SecurityAlternatives = AuthRequirement[][];

export type TokenKind = 'id' | 'access';

/** The authorizer an operation is behind, resolved from its security alternatives. */
export type Protection =
  | { kind: 'public' }
  | {
      kind: 'cognito';
      scheme: string;
      tokenHeader: string;
      /**
       * ID token when the method lists no scopes, access token when it does
       * (docs/reference/aws-wire-behaviour.md §2.1).
       */
      tokenKind: TokenKind;
      scopes: string[];
      /** The authorizer's `identityValidationExpression`, matched against the token's `aud`. */
      identityValidationExpression?: string;
      /** The pool whose tokens the method is sent (ApiModel.pools number), when not pool 1. */
      pool?: number;
      /** APIs with several pools: every pool the authorizer accepts (its providerARNs). */
      acceptedPools?: number[];
    }
  | {
      kind: 'jwt';
      scheme: string;
      tokenHeader: string;
      /**
       * HTTP API JWT authorizers do not check token_use; an access token is used when scopes are
       * listed, else the ID token (docs/reference/aws-wire-behaviour.md §3).
       */
      tokenKind: TokenKind;
      scopes: string[];
      audience: string[];
    }
  | {
      /** A Lambda authorizer that verifies Cognito tokens (`x-gatecheck-cognito`). */
      kind: 'lambda';
      scheme: string;
      tokenHeader: string;
      tokenKind: TokenKind;
      /** Scopes the Lambda requires (an explicit Deny without one of them). */
      scopes: string[];
      authorizerType: 'token' | 'request';
      /** TOKEN authorizers: the expression the header value must match before the Lambda is called. */
      identityValidationExpression?: string;
      /** REQUEST authorizers: identity sources besides the token header; each must be present. */
      otherIdentitySources: IdentitySource[];
      /** As for `cognito`. */
      pool?: number;
      acceptedPools?: number[];
    }
  | { kind: 'unsupported'; description: string };

/** The protections whose requests carry a Cognito token. */
export type TokenProtection = Extract<Protection, { kind: 'cognito' | 'jwt' | 'lambda' }>;

/** One request parameter a Lambda authorizer reads (`method.request.header.X`, `...querystring.Y`). */
export interface IdentitySource {
  in: 'header' | 'query';
  name: string;
}

/** The gateway's exact answer to a rejected request. */
export interface ExpectedRejection {
  status: number;
  /** `x-amzn-ErrorType` value, when AWS sends one (REST APIs). */
  errorType?: string;
  /** Exact JSON body (parsed), e.g. `{ message: 'Unauthorized' }`. Undefined when the template cannot be predicted. */
  body?: unknown;
  /**
   * When `body` cannot be predicted exactly (a custom template uses `$context.requestId` and the
   * like): a regular expression (source text, anchored) the raw body must match. The unpredictable
   * parts match anything; the literal parts must be there as written.
   */
  bodyPattern?: string;
  /** Extra headers a custom gateway response adds, lower-cased names. */
  headers?: Record<string, string>;
  /** `default` (AWS's own answer) or the gateway response type overridden in the spec. */
  source: 'default' | string;
}

export interface ExpectedRejections {
  /** No/invalid/forged token, wrong type, missing scope, other pool (UNAUTHORIZED). */
  unauthorized: ExpectedRejection;
  /**
   * An expired, otherwise valid token: `{"message":"The incoming token has expired"}`. Behind a
   * Lambda authorizer, whose `Unauthorized` is the same for every bad token: as `unauthorized`.
   */
  expired: ExpectedRejection;
  /**
   * HTTP API: token lacks a required scope (403 Forbidden). REST Cognito authorizers answer 401 as
   * `unauthorized`. Lambda authorizers: the explicit Deny (403 ACCESS_DENIED).
   */
  insufficientScope: ExpectedRejection;
  /** Missing/wrong API key (INVALID_API_KEY). */
  invalidApiKey: ExpectedRejection;
}

export interface ParameterValue {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** A value from the spec's example, or a schema-valid sample. Always a string on the wire. */
  example: string;
}

export interface RequestBody {
  contentType: string;
  /** Example or schema-valid sample (JSON-compatible value). */
  example: unknown;
}

export interface ResponseExpectation {
  /** The documented success status, e.g. 200 or 201. */
  status: number;
  /** Documented content type, e.g. `application/json`; undefined when the response has no body. */
  contentType?: string;
  /** Key into `ApiModel.schemas` for the response body schema; undefined when no schema. */
  schemaRef?: string;
}

export interface Operation {
  /** Stable id: `operationId` when present, else `<method> <path>`. */
  id: string;
  method: HttpMethod;
  /** Path as in the spec, e.g. `/users/{id}` or `/{proxy+}`. */
  path: string;
  summary?: string;
  tags: string[];
  security: SecurityAlternatives;
  /** Whether `security` came from the operation, the top-level default, or neither. */
  securitySource: 'operation' | 'global' | 'none';
  protection: Protection;
  /** API key required (`apiKeyRequired`, an api-key scheme in the chosen alternative). */
  apiKey?: { header: string };
  /** The method requires an API key its Lambda authorizer supplies (`x-amazon-apigateway-api-key-source: AUTHORIZER`). */
  apiKeyFromAuthorizer?: true;
  rejections: ExpectedRejections;
  parameters: ParameterValue[];
  requestBody?: RequestBody;
  success: ResponseExpectation;
  /**
   * `x-gatecheck-token-source` on the operation (or the document): whether the method's custom
   * scopes are meant for users (`user`: a token from the code flow) or machines (`machine`:
   * client credentials). A spec cannot tell them apart otherwise (docs/tokens-and-scopes.md).
   */
  tokenSourceHint?: 'user' | 'machine';
  /** True when the operation came from `x-amazon-apigateway-any-method`. */
  fromAnyMethod: boolean;
  /** True when the path has a greedy `{proxy+}` segment. */
  greedyPath: boolean;
  origin: Origin;
}

export interface GatewayResponse {
  statusCode?: number;
  /** Response templates by content type (raw VTL text). */
  templates: Record<string, string>;
  /** `gatewayresponse.header.*` parameters with their literal values (quotes removed). */
  headers: Record<string, string>;
  origin: Origin;
}

export type WarningCode =
  | 'public-write-operation'
  | 'security-ignored-location'
  | 'unknown-user-pool'
  | 'unsupported-scheme'
  | 'no-servers'
  | 'any-method-expanded'
  | 'unresolved-response-template'
  /** An operation lists several security alternatives; the note says which one is checked. */
  | 'alternative-chosen'
  /** An operation's security includes an empty requirement (`{}`): anonymous callers get in. */
  | 'anonymous-allowed'
  /** API Gateway document: an empty requirement among others adds nothing; the authorizer applies. */
  | 'anonymous-ignored'
  /** API Gateway document: a method names several authorizers; the note says which one is checked. */
  | 'several-authorizers'
  /** OpenAPI 3 document whose schemes sit under Swagger's `securityDefinitions`. */
  | 'swagger-security-definitions'
  /** A REST authorizer's `identitySource` header differs from its scheme's `name`; the source wins. */
  | 'identity-source-differs'
  /** An authorizer accepts several user pools; only one is signed in to. */
  | 'several-user-pools'
  /** AWS SAM's `NONE` pseudo-scheme: the method has no authorizer. */
  | 'none-pseudo-scheme'
  /** A required API key comes from the Lambda authorizer (key source AUTHORIZER): not checked. */
  | 'api-key-from-authorizer'
  /** `x-gatecheck-cognito` on a Lambda authorizer cannot be used as written. */
  | 'lambda-cognito-unusable'
  /** A Lambda authorizer's validation expression refuses every token form gatecheck could send. */
  | 'validation-expression'
  | 'other';

export interface Warning {
  code: WarningCode;
  message: string;
  origin: Origin;
}
