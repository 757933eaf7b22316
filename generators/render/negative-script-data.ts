/**
 * What the negative-check templates (scripts/negative/) are given: plain JSON-safe data, built
 * from a planned check by pure functions. Scripts receive it through `{{{json check}}}` only.
 */
import type { ExpectedRejection, TokenKind } from '../model/types.js';
import { variantLabel } from '../plan/plan-negative-checks.js';
import type { RevocationCheck } from '../plan/plan-revocation-checks.js';
import type {
  ControlCheck,
  NegativeCheck,
  NegativeCheckKind,
  PlannedRequest,
  PublicCheck,
} from '../plan/types.js';
import { sandboxPaths } from '../../sandbox/types.js';
import { capturedTokenVariable, runVariables } from './run-variables.js';

/** The run counters every check script increments (one spelling, from run-variables.ts). */
export const counters = {
  ran: runVariables.ran,
  skipped: runVariables.skipped,
  inconclusive: runVariables.inconclusive,
} as const;

/** Where each check keeps its per-run state (collection variables, unset once read). */
const stateVariable = {
  verdict: (controlId: string) => `gatecheck.control.${controlId}`,
  skip: (id: string) => `gatecheck.skip.${id}`,
  unbuilt: (id: string) => `gatecheck.unbuilt.${id}`,
};

/**
 * API Gateway's request id: REST APIs send `x-amzn-RequestId`, HTTP APIs `apigw-requestid`
 * (aws-behaviour §2.1, §3). Unknown gateway kind: either one will do.
 */
export function requestIdHeaders(gatewayKind: PlannedRequest['gatewayKind']): string[] {
  if (gatewayKind === 'rest') return ['x-amzn-RequestId'];
  if (gatewayKind === 'http') return ['apigw-requestid'];
  return ['x-amzn-RequestId', 'apigw-requestid'];
}

/**
 * Gateway rejections that are never the answer a negative check expects (security-checks §2.1):
 * wrong URL/stage/method (MissingAuthenticationToken, or IncompleteSignature when an
 * `Authorization` header is present), resource policies (AccessDenied), throttling.
 */
export const trapErrorTypes = [
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'AccessDeniedException',
  'TooManyRequestsException',
  'LimitExceededException',
];

/**
 * HTTP API gateway answers carry no error type, only these bodies (aws-behaviour §3; 404 for an
 * unknown route): a control on an HTTP API that gets one of them did not reach the integration.
 */
function gatewayBodies(
  gatewayKind: PlannedRequest['gatewayKind'],
): Array<{ status: number; text: string }> {
  if (gatewayKind === 'rest') return [];
  return [
    { status: 401, text: '{"message":"Unauthorized"}' },
    { status: 403, text: '{"message":"Forbidden"}' },
    { status: 404, text: '{"message":"Not Found"}' },
  ];
}

/** A syntactically valid API key (20+ characters) that no usage plan holds. */
export const wrongApiKey = 'gatecheck-wrong-api-key-0000000000000000';

/** The `sub` a claims-edited token claims: a fixed UUID no user has. */
export const editedSubject = '00000000-0000-4000-8000-00000000dead';

/** The `Authorization` header carries `Bearer <token>`; any other identity-source header the raw token. */
function bearer(tokenHeader: string | undefined): boolean {
  return (tokenHeader ?? '').toLowerCase() === 'authorization';
}

function apiKeyData(check: PlannedRequest): { header: string; value: string } | null {
  return check.apiKey ? { header: check.apiKey.header, value: check.apiKey.value } : null;
}

export function controlData(check: ControlCheck) {
  const kind: TokenKind = check.token.from === 'captured' ? check.token.kind : 'id';
  return {
    id: check.id,
    label: check.name.slice(check.name.indexOf(' · ') + ' · '.length),
    tokenHeader: check.tokenHeader ?? 'Authorization',
    bearer: bearer(check.tokenHeader),
    capturedVariable: capturedTokenVariable(kind),
    apiKey: apiKeyData(check),
    verdictVariable: stateVariable.verdict(check.id),
    expect:
      check.expect.mode === 'success' ? check.expect : { mode: check.expect.mode, status: null },
    success: check.expect.mode === 'success',
    reachedIntegration: check.expect.mode === 'reached-integration',
    requestIdHeaders: requestIdHeaders(check.gatewayKind),
    gatewayBodies: gatewayBodies(check.gatewayKind),
    counters,
  };
}

export function publicData(check: PublicCheck) {
  const reached = check.expect.mode === 'reached-integration';
  return {
    id: check.id,
    label: 'public',
    apiKey: apiKeyData(check),
    expect: { status: check.expect.status },
    success: !reached,
    reachedIntegration: reached,
    requestIdHeaders: requestIdHeaders(check.gatewayKind),
    gatewayBodies: gatewayBodies(check.gatewayKind),
    counters,
  };
}

const forgedKinds: readonly NegativeCheckKind[] = [
  'signature-altered',
  'claims-edited',
  'alg-none',
  'signature-stripped',
  'hs256-empty-secret',
  'hs256-public-key',
];

export function negativeData(check: NegativeCheck) {
  const token = check.token;
  const forgery = token.from === 'forged' ? token.forgery : undefined;
  const variant = token.from === 'forged' ? token.variant : undefined;
  return {
    id: check.id,
    kind: check.kind,
    label: variantLabel({ kind: check.kind, ...(variant !== undefined ? { variant } : {}) }),
    tokenHeader: check.tokenHeader ?? 'Authorization',
    bearer: bearer(check.tokenHeader),
    token: tokenData(check),
    apiKey: apiKeyData(check),
    wrongApiKey,
    editedSubject,
    verdictVariable: stateVariable.verdict(check.controlId),
    skipVariable: stateVariable.skip(check.id),
    unbuiltVariable: stateVariable.unbuilt(check.id),
    // Which template sections the script needs: only those are rendered.
    jwt: token.from === 'forged' || token.from === 'variable',
    captured: token.from === 'forged' || token.from === 'captured',
    variable: token.from === 'variable',
    usesToken: token.from === 'forged' || token.from === 'captured' || token.from === 'variable',
    forge: {
      any: forgery !== undefined && forgedKinds.includes(forgery),
      signatureAltered: forgery === 'signature-altered',
      claimsEdited: forgery === 'claims-edited',
      algNone: forgery === 'alg-none',
      signatureStripped: forgery === 'signature-stripped',
      hs256EmptySecret: forgery === 'hs256-empty-secret',
      hs256PublicKey: forgery === 'hs256-public-key',
      /** Forgeries that write base64url (all but signature-stripped, which only cuts). */
      writes: forgery !== undefined && forgery !== 'signature-stripped',
      /** Forgeries that re-encode the header or payload. */
      encodes:
        forgery === 'claims-edited' ||
        forgery === 'alg-none' ||
        forgery === 'hs256-empty-secret' ||
        forgery === 'hs256-public-key',
    },
    sandboxTokensPath: sandboxPaths.tokens,
    expect: expectData(check.expect, check.method === 'head'),
    requestIdHeaders: requestIdHeaders(check.gatewayKind),
    trapErrorTypes: trapErrorTypes.filter((type) => type !== check.expect.errorType),
    counters,
  };
}

function tokenData(check: NegativeCheck) {
  const token = check.token;
  switch (token.from) {
    case 'none':
      return { from: token.from };
    case 'literal':
      return { from: token.from, value: token.value };
    case 'captured':
      return {
        from: token.from,
        kind: token.kind,
        capturedVariable: capturedTokenVariable(token.kind),
      };
    case 'forged':
      return {
        from: token.from,
        kind: token.kind,
        capturedVariable: capturedTokenVariable(token.kind),
        forgery: token.forgery,
        variant: token.variant ?? null,
      };
    case 'variable':
      return {
        from: token.from,
        variable: token.variable,
        mint: token.mint ?? null,
        // What a supplied token must be for this check to mean anything; otherwise it is skipped.
        tokenUse: token.mint?.tokenUse ?? null,
        mustBeExpired: token.mint?.expired === true,
      };
  }
}

/** HEAD answers have no body: only status and headers can be compared. */
function expectData(expect: ExpectedRejection, head: boolean) {
  return {
    status: expect.status,
    errorType: expect.errorType ?? null,
    body: head || expect.body === undefined ? null : expect.body,
    // A custom template with unpredictable parts ($context.requestId…): the model gives a pattern.
    bodyPattern: head || expect.body !== undefined ? null : (expect.bodyPattern ?? null),
    headers: expect.headers ?? {},
  };
}

export function revocationData(check: RevocationCheck) {
  return {
    id: check.id,
    step: check.step,
    label: 'revocation',
    signIn: check.step === 'sign-in',
    globalSignOut: check.step === 'global-sign-out',
    getUser: check.step === 'get-user',
    tokenVariable: 'gatecheck.revocation.accessToken',
    signedOutVariable: 'gatecheck.revocation.signedOut',
    skipVariable: stateVariable.skip(check.id),
    unbuiltVariable: stateVariable.unbuilt(check.id),
    counters,
  };
}
