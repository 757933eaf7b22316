import type { SpecDocument } from './read-spec-file.js';

/** REST API (Cognito user pool authorizer) or HTTP API (JWT authorizer): they reject differently. */
export type GatewayKind = 'rest' | 'http';

/** What a security scheme makes the gateway check. */
export type SchemeRule =
  | {
      kind: 'cognito';
      header: string;
      /** `identityValidationExpression`: matched against the incoming token's `aud`. */
      audiencePattern?: string;
      /** User pool ids read from `providerARNs` (placeholders left out). */
      pools: string[];
    }
  | { kind: 'jwt'; header: string; audience: string[] }
  | {
      /**
       * A Lambda authorizer (TOKEN or REQUEST) whose scheme carries `x-gatecheck-cognito`: the
       * stand-in models a Lambda that verifies the named pool's tokens (mapped onto the sandbox pool).
       */
      kind: 'lambda';
      type: 'token' | 'request';
      /** The header the Lambda reads the token from. */
      header: string;
      identitySources: { in: 'header' | 'query'; name: string }[];
      /** TOKEN authorizers: `identityValidationExpression`. */
      validationExpression?: string;
      tokenUse: 'id' | 'access';
      /** A valid token without one of them gets an explicit Deny. */
      scopes: string[];
      /** The pool id of `x-gatecheck-cognito.userPool`, when it names one. */
      pools: string[];
    }
  | { kind: 'api-key'; header: string }
  | { kind: 'unsupported'; description: string };

/** One scheme of a security requirement object, with the scopes the method lists for it. */
export interface Requirement {
  scheme: string;
  rule: SchemeRule;
  scopes: string[];
}

/** The documented success answer of a method (first 2xx response, else `default`, else 200). */
export interface SuccessResponse {
  status: number;
  /** Undefined when the response documents no body. */
  contentType?: string;
  /** The media type (OAS3) or response (Swagger) object, where examples and schema live. */
  media?: Record<string, unknown>;
}

export interface Route {
  /** Upper-case HTTP method, or `ANY` for `x-amazon-apigateway-any-method`. */
  method: string;
  /** Path template as in the spec, e.g. `/users/{id}` or `/{proxy+}`. */
  path: string;
  /** OR of alternatives, each an AND of requirements; `[]` = public, `[[]]` = anonymous allowed. */
  security: Requirement[][];
  success: SuccessResponse;
  /** JSON pointer of the request body schema, when documented. */
  requestSchemaPointer?: string;
  /** Example values of path parameters by name, when documented. */
  pathExamples: Record<string, string>;
  /** JSON pointer of the operation. */
  pointer: string;
}

/** `x-amazon-apigateway-gateway-responses` entry. */
export interface GatewayResponseSpec {
  statusCode?: number;
  /** `gatewayresponse.header.<name>` → mapping expression (`'literal'` or `method.request.header.X`). */
  headers: Record<string, string>;
  /** Content type → VTL template. */
  templates: Record<string, string>;
}

/** What the gateway stand-in needs from the spec, read by the sandbox's own reader. */
export interface GatewaySpec {
  file: string;
  title: string;
  kind: GatewayKind;
  /** Stage (base path) from the spec, without slashes; `''` for an HTTP API `$default` stage. */
  stage: string | undefined;
  routes: Route[];
  gatewayResponses: Record<string, GatewayResponseSpec>;
  /**
   * The user pool ids the authorizers name, in the order the schemes declare them: the first is
   * served by the sandbox's main pool, the second by a second trusted pool (and any further one by
   * that second pool too).
   */
  userPools: string[];
  /** Every scope any method requires: the sandbox pool adds them to access tokens. */
  requiredScopes: string[];
  /**
   * `x-gatecheck-sandbox.appClientAuthFlows` at the document's root (read by the sandbox only):
   * the app client the sandbox hands to runs allows only these ExplicitAuthFlows, e.g. AWS's
   * defaults `ALLOW_USER_SRP_AUTH` + `ALLOW_REFRESH_TOKEN_AUTH`. Absent: every flow the
   * collections use.
   */
  appClientAuthFlows?: string[];
  /** The document as read (served back by the export endpoint, used by the sampler). */
  document: SpecDocument;
}
