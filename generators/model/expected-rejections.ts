import { warn, type ModelContext } from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import { renderTemplate } from './response-template.js';
import type { ApiModel, ExpectedRejection, ExpectedRejections, GatewayResponse } from './types.js';

/**
 * AWS's default template for every gateway response type (docs/reference/aws-wire-behaviour.md
 * §2.2).
 */
const defaultTemplate = '{"message":$context.error.messageString}';

interface RejectionCase {
  /** The gateway response type API Gateway uses for this case. */
  responseType: string;
  status: number;
  message: string;
  errorType?: string;
}

/**
 * REST API (Cognito user pool authorizer) defaults, docs/reference/aws-wire-behaviour.md §2.2:
 * - no/invalid token, other pool, wrong token type: 401 `Unauthorized`, `UnauthorizedException`.
 * - expired token: 401 `The incoming token has expired`. Its x-amzn-ErrorType is UNCONFIRMED;
 *   `UnauthorizedException` is the documented reading, since the case goes through the
 *   UNAUTHORIZED response type (EXPIRED_TOKEN is for SigV4 credentials and defaults to 403).
 * - missing scope: the AWS guide says the call "fails with a 401 Unauthorized response", so it is
 *   the unauthorized case.
 * - missing/wrong API key: 403 `Forbidden`, `ForbiddenException` (INVALID_API_KEY).
 */
const restCases: Record<keyof ExpectedRejections, RejectionCase> = {
  unauthorized: {
    responseType: 'UNAUTHORIZED',
    status: 401,
    message: 'Unauthorized',
    errorType: 'UnauthorizedException',
  },
  expired: {
    responseType: 'UNAUTHORIZED',
    status: 401,
    message: 'The incoming token has expired',
    errorType: 'UnauthorizedException',
  },
  insufficientScope: {
    responseType: 'UNAUTHORIZED',
    status: 401,
    message: 'Unauthorized',
    errorType: 'UnauthorizedException',
  },
  invalidApiKey: {
    responseType: 'INVALID_API_KEY',
    status: 403,
    message: 'Forbidden',
    errorType: 'ForbiddenException',
  },
};

/**
 * REST API methods behind a Lambda authorizer, docs/reference/api-gateway-exports.md (docs/reference/aws-wire-behaviour.md
 * §2.2): a missing identity source, a token the validation expression refuses, and the Lambda's
 * `Unauthorized` are all 401 `Unauthorized` (UNAUTHORIZED), an expired token included (the Lambda
 * says `Unauthorized` for every token it refuses); a valid token the Lambda denies (no scope) is
 * the explicit Deny: 403 `User is not authorized to access this resource with an explicit deny`,
 * `AccessDeniedException` (ACCESS_DENIED).
 */
const lambdaCases: Record<keyof ExpectedRejections, RejectionCase> = {
  ...restCases,
  expired: restCases.unauthorized,
  insufficientScope: {
    responseType: 'ACCESS_DENIED',
    status: 403,
    message: 'User is not authorized to access this resource with an explicit deny',
    errorType: 'AccessDeniedException',
  },
};

/**
 * HTTP API (JWT authorizer) defaults, docs/reference/aws-wire-behaviour.md §3: 401 `{"message":"Unauthorized"}` without
 * x-amzn-ErrorType, expired tokens included (the reason is only in `www-authenticate`). A missing
 * scope gives 403 `{"message":"Forbidden"}`: UNCONFIRMED by AWS documentation, observed by emulator
 * authors and in line with RFC 6750 insufficient_scope. HTTP APIs have no API keys; the 403 Forbidden
 * entry only keeps the shape complete.
 */
const httpCases: Record<keyof ExpectedRejections, RejectionCase> = {
  unauthorized: { responseType: 'UNAUTHORIZED', status: 401, message: 'Unauthorized' },
  expired: { responseType: 'UNAUTHORIZED', status: 401, message: 'Unauthorized' },
  insufficientScope: { responseType: 'ACCESS_DENIED', status: 403, message: 'Forbidden' },
  invalidApiKey: { responseType: 'INVALID_API_KEY', status: 403, message: 'Forbidden' },
};

/**
 * The gateway's exact answers to rejected requests, with the spec's custom gateway responses
 * applied. A response type overridden in the spec replaces AWS's answer for that type; `DEFAULT_4XX`
 * applies, status and template, to every 4xx type that is not overridden itself.
 * HTTP APIs cannot customise gateway responses, so only the defaults apply to them.
 *
 * A template whose output cannot be predicted leaves `body` undefined; when only some values vary
 * (`$context.requestId`) a `bodyPattern` still pins the rest, and a warning says so (once per type).
 */
export function expectedRejections(
  context: ModelContext,
  gatewayKind: ApiModel['gatewayKind'],
  responses: Record<string, GatewayResponse>,
  authorizer: 'gateway' | 'lambda' = 'gateway',
): ExpectedRejections {
  const cases =
    gatewayKind === 'http' ? httpCases : authorizer === 'lambda' ? lambdaCases : restCases;
  const overrides = gatewayKind === 'http' ? {} : responses;
  const warned = new Set<string>();
  const expect = (rejection: RejectionCase): ExpectedRejection => {
    const ownType = overrides[rejection.responseType] ? rejection.responseType : undefined;
    const sourceType = ownType ?? (overrides.DEFAULT_4XX ? 'DEFAULT_4XX' : undefined);
    const custom = sourceType === undefined ? undefined : overrides[sourceType];
    const base = {
      status: custom?.statusCode ?? rejection.status,
      ...(rejection.errorType ? { errorType: rejection.errorType } : {}),
    };
    if (custom === undefined || sourceType === undefined) {
      return { ...base, body: { message: rejection.message }, source: 'default' };
    }
    const headers =
      Object.keys(custom.headers).length > 0 ? { headers: { ...custom.headers } } : {};
    const [contentType, template] = pickTemplate(custom.templates);
    const rendered = renderTemplate(template, {
      message: rejection.message,
      responseType: rejection.responseType,
    });
    if (rendered.kind === 'exact')
      return { ...base, body: rendered.body, ...headers, source: sourceType };
    if (!warned.has(sourceType)) {
      warned.add(sourceType);
      const why =
        rendered.kind === 'pattern'
          ? `uses values that change per request (${rendered.unknown.map((name) => `$${name}`).join(', ')}): the body is matched by pattern`
          : `cannot be predicted (${rendered.reason}): only the status and headers are checked`;
      warn(
        context,
        'unresolved-response-template',
        `gateway response ${sourceType} template ${why}`,
        contentType === undefined
          ? custom.origin.pointer
          : pointerJoin(custom.origin.pointer, 'responseTemplates', contentType),
      );
    }
    return {
      ...base,
      ...(rendered.kind === 'pattern' ? { bodyPattern: rendered.bodyPattern } : {}),
      ...headers,
      source: sourceType,
    };
  };
  return {
    unauthorized: expect(cases.unauthorized),
    expired: expect(cases.expired),
    insufficientScope: expect(cases.insufficientScope),
    invalidApiKey: expect(cases.invalidApiKey),
  };
}

/**
 * The JSON template when there is one (gatecheck's requests ask for JSON). A customised response
 * without templates is taken to keep AWS's default template: UNCONFIRMED, the documented reading of
 * "gateway responses have default templates".
 */
function pickTemplate(templates: Record<string, string>): [string | undefined, string] {
  const entries = Object.entries(templates);
  const chosen = entries.find(([type]) => type.toLowerCase() === 'application/json') ?? entries[0];
  return chosen ?? [undefined, defaultTemplate];
}
