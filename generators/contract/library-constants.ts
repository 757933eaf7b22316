/**
 * Constants the script library (scripts/library/*.js) reads from `gatecheck.constants`, written
 * into every collection by render/script-library.ts: defined once here so TypeScript (planning,
 * rendering, tests) and the scripts spell each the same way.
 */

/**
 * Where each check keeps its per-run state: collection variables named `<prefix><check id>`
 * (unset once read). Scripts pass their ids; the library (run-state.js) adds the prefix.
 */
export const stateVariablePrefixes = {
  /** A control's verdict, read by the negative checks of its block (the last one clears it). */
  verdict: 'gatecheck.control.',
  /** Why a check was skipped, when the runtime could not skip its request. */
  skip: 'gatecheck.skip.',
  /** Why a negative check's token could not be built (the check is then inconclusive). */
  unbuilt: 'gatecheck.unbuilt.',
};

/**
 * Gateway rejections that are never the answer a negative check expects
 * (docs/reference/check-catalogue.md §2.1): wrong URL/stage/method (MissingAuthenticationToken, or
 * IncompleteSignature when an `Authorization` header is present), resource policies (AccessDenied),
 * throttling.
 */
export const trapErrorTypes = [
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'AccessDeniedException',
  'TooManyRequestsException',
  'LimitExceededException',
];

/**
 * How API Gateway's own answers look, by gateway kind (a check's data names the kind, the table is
 * written once in the library's constants):
 * - `requestIdHeaders`: its request id header, on every answer it sends: REST APIs
 *   `x-amzn-RequestId`, HTTP APIs `apigw-requestid` (docs/reference/aws-wire-behaviour.md §2.1,
 *   §3); unknown kind: either.
 * - `gatewayBodies`: HTTP API gateway answers carry no error type, only these bodies (§3; 404 for
 *   an unknown route): a control on an HTTP API that gets one did not reach the integration.
 */
const httpGatewayBodies = [
  { status: 401, text: '{"message":"Unauthorized"}' },
  { status: 403, text: '{"message":"Forbidden"}' },
  { status: 404, text: '{"message":"Not Found"}' },
];
export const gatewayAnswers = {
  rest: { requestIdHeaders: ['x-amzn-RequestId'], gatewayBodies: [] },
  http: { requestIdHeaders: ['apigw-requestid'], gatewayBodies: httpGatewayBodies },
  unknown: {
    requestIdHeaders: ['x-amzn-RequestId', 'apigw-requestid'],
    gatewayBodies: httpGatewayBodies,
  },
};

/** A syntactically valid API key (20+ characters) that no usage plan holds. */
export const wrongApiKey = 'gatecheck-wrong-api-key-0000000000000000';

/** The `sub` a claims-edited token claims: a fixed UUID no user has. */
export const editedSubject = '00000000-0000-4000-8000-00000000dead';
