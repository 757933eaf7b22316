import type { GatewayResponseSpec } from '../spec/types.js';
import type { GatewayAnswer, Refusal } from './answer.js';

/**
 * A default gateway response: its type, status, `x-amzn-ErrorType` and message
 * (docs/reference/aws-wire-behaviour.md §2.2).
 */
interface GatewayError {
  responseType: string;
  status: number;
  errorType: string;
  message: string;
}

/** The default REST answer for a refusal, before any custom gateway response applies. */
export function restGatewayError(refusal: Refusal): GatewayError {
  // REST Cognito authorizers answer 401 for a missing scope too (apigateway-enable-cognito-user-pool).
  switch (refusal.reason) {
    case 'unauthorized':
    case 'insufficient-scope':
      return unauthorized('Unauthorized');
    case 'expired':
      // Status 401 and this text are captured (amplify-js#6060); the error type is UNCONFIRMED and
      // taken to be the UNAUTHORIZED one, as for every other Cognito authorizer refusal.
      return unauthorized('The incoming token has expired');
    case 'explicit-deny':
      // A Lambda authorizer's Deny policy (ACCESS_DENIED, docs/reference/aws-wire-behaviour.md §2.2).
      return {
        responseType: 'ACCESS_DENIED',
        status: 403,
        errorType: 'AccessDeniedException',
        message: 'User is not authorized to access this resource with an explicit deny',
      };
    case 'invalid-api-key':
      return {
        responseType: 'INVALID_API_KEY',
        status: 403,
        errorType: 'ForbiddenException',
        message: 'Forbidden',
      };
    case 'no-route':
      return refusal.authorization === undefined
        ? {
            responseType: 'MISSING_AUTHENTICATION_TOKEN',
            status: 403,
            errorType: 'MissingAuthenticationTokenException',
            message: 'Missing Authentication Token',
          }
        : {
            // An Authorization header on an unknown route is parsed as a SigV4 signature.
            responseType: 'MISSING_AUTHENTICATION_TOKEN',
            status: 403,
            errorType: 'IncompleteSignatureException',
            message: incompleteSignatureMessage(refusal.authorization),
          };
  }
}

function unauthorized(message: string): GatewayError {
  return { responseType: 'UNAUTHORIZED', status: 401, errorType: 'UnauthorizedException', message };
}

/**
 * The two texts API Gateway answers when it parses a JWT as a SigV4 `Authorization` header
 * (docs/reference/aws-wire-behaviour.md §2.2: raw token → missing parameters; `Bearer <jwt>` → not
 * a key=value pair).
 */
export function incompleteSignatureMessage(authorization: string): string {
  const space = authorization.indexOf(' ');
  if (space >= 0) {
    const parts = authorization
      .slice(space + 1)
      .split(',')
      .map((part) => part.trim());
    const bad = parts.find((part) => !part.includes('='));
    if (bad !== undefined) {
      return `'${bad}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`;
    }
  }
  return (
    "Authorization header requires 'Credential' parameter. " +
    "Authorization header requires 'Signature' parameter. " +
    "Authorization header requires 'SignedHeaders' parameter. " +
    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
    `Authorization=${authorization}`
  );
}

export interface RestContext {
  requestId: string;
  extendedRequestId: string;
  customResponses: Record<string, GatewayResponseSpec>;
  requestHeaders: Record<string, string | string[] | undefined>;
}

/**
 * Renders a REST refusal: the spec's gateway response for its type, else `DEFAULT_4XX`, else
 * AWS's default `{"message":...}` (compact JSON: `{"message":"Unauthorized"}` is 26 bytes).
 */
export function restRefusalAnswer(refusal: Refusal, context: RestContext): GatewayAnswer {
  const error = restGatewayError(refusal);
  const custom =
    context.customResponses[error.responseType] ??
    (error.status < 500 ? context.customResponses.DEFAULT_4XX : undefined);
  const template =
    custom?.templates['application/json'] ?? '{"message":$context.error.messageString}';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': context.requestId,
    'x-amz-apigw-id': context.extendedRequestId,
    'x-amzn-errortype': error.errorType,
  };
  for (const [name, expression] of Object.entries(custom?.headers ?? {})) {
    const value = headerValue(expression, context.requestHeaders);
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return {
    status: custom?.statusCode ?? error.status,
    headers,
    body: renderTemplate(template, {
      'context.error.messageString': JSON.stringify(error.message),
      'context.error.message': error.message,
      'context.error.responseType': error.responseType,
      'context.requestId': context.requestId,
      'context.extendedRequestId': context.extendedRequestId,
    }),
  };
}

/** `'literal'` → literal; `method.request.header.X` → that request header; else not rendered. */
function headerValue(
  expression: string,
  requestHeaders: Record<string, string | string[] | undefined>,
): string | undefined {
  const literal = expression.match(/^'(.*)'$/s);
  if (literal) return literal[1];
  const fromRequest = expression.match(/^method\.request\.header\.(.+)$/);
  if (fromRequest?.[1]) {
    const value = requestHeaders[fromRequest[1].toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}

/** Substitutes `$name` and `${name}` references; unknown variables render empty, as in VTL. */
function renderTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(
    /\$\{(context(?:\.[A-Za-z]+)+)\}|\$(context(?:\.[A-Za-z]+)+)/g,
    (_match, braced: string | undefined, bare: string | undefined) =>
      variables[braced ?? bare ?? ''] ?? '',
  );
}
