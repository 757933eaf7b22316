/**
 * What each check's scripts pass to the script library (scripts/library/*-check.js): plain
 * JSON-safe data, built from a planned check by pure functions, and only what that one script
 * needs (it is written into every item). Scripts receive it through `{{{json check}}}` only;
 * what is the same for every check is in the library's constants (contract/library-constants.ts).
 */
import type { ExpectedRejection } from '../model/types.js';
import { variantLabel } from '../plan/plan-negative-checks.js';
import type { RevocationCheck } from '../plan/plan-revocation-checks.js';
import type { ControlCheck, NegativeCheck, PlannedRequest, PublicCheck } from '../plan/types.js';
import { gatewayAnswers } from '../contract/library-constants.js';
import { capturedTokenVariable, runVariables } from '../contract/run-variables.js';

function gateway(check: PlannedRequest): keyof typeof gatewayAnswers {
  return check.gatewayKind ?? 'unknown';
}

/** The API key header, when the method needs one (omitted otherwise: the data is in every item). */
function apiKeyData(check: PlannedRequest) {
  return check.apiKey ? { apiKey: { header: check.apiKey.header, value: check.apiKey.value } } : {};
}

/**
 * The token header a check sets. The library sends `Bearer <token>` in `Authorization` and the raw
 * token in any other header (docs/reference/aws-wire-behaviour.md §2.1), as render-request.ts does
 * for the request itself.
 */
function tokenHeaderData(check: PlannedRequest) {
  return { tokenHeader: check.tokenHeader ?? 'Authorization' };
}

/** The control's test script proves the request got through API Gateway, and keeps its verdict. */
export function controlTestData(check: ControlCheck) {
  return {
    id: check.id,
    label: check.name.slice(check.name.indexOf(' · ') + ' · '.length),
    expect: check.expect,
    gateway: gateway(check),
    // A closing control's verdict is read by no negative: it is not kept.
    ...(check.closing ? { closing: true } : {}),
  };
}

export function publicData(check: PublicCheck) {
  const reached = check.expect.mode === 'reached-integration';
  return {
    label: 'public',
    ...apiKeyData(check),
    expect: { status: check.expect.status },
    reachedIntegration: reached,
    gateway: gateway(check),
  };
}

function negativeLabel(check: NegativeCheck): string {
  const variant = check.token.from === 'forged' ? check.token.variant : undefined;
  return variantLabel({ kind: check.kind, ...(variant !== undefined ? { variant } : {}) });
}

/** The negative's pre-request script sets the credentials: token header and API key header. */
export function negativePrerequestData(check: NegativeCheck) {
  return {
    id: check.id,
    label: negativeLabel(check),
    ...tokenHeaderData(check),
    token: tokenData(check),
    ...apiKeyData(check),
  };
}

/** The negative's test script compares the answer with the gateway's expected rejection. */
export function negativeTestData(check: NegativeCheck) {
  return {
    id: check.id,
    controlId: check.controlId,
    ...(check.releasesControl ? { releasesControl: true } : {}),
    // The other captured token, sent by the request item itself: without it the check means nothing.
    ...(check.token.from === 'captured'
      ? {
          capturedVariable: capturedTokenVariable(check.token.kind, check.token),
          tokenKind: check.token.kind,
        }
      : {}),
    label: negativeLabel(check),
    expect: expectData(check.expect, check.method === 'head'),
    gateway: gateway(check),
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
        variable: capturedTokenVariable(token.kind, token),
        ...(token.pool !== undefined ? { pool: token.pool } : {}),
      };
    case 'forged':
      return {
        from: token.from,
        kind: token.kind,
        variable: capturedTokenVariable(token.kind, token),
        ...(token.pool !== undefined ? { pool: token.pool } : {}),
        forgery: token.forgery,
        ...(token.variant !== undefined ? { variant: token.variant } : {}),
        ...(token.distinct ? { distinct: true } : {}),
      };
    case 'variable':
      // `mint` also says what a supplied token must be (token_use, expired) for the check to mean
      // anything; otherwise it is skipped.
      return {
        from: token.from,
        variable: token.variable,
        ...(token.mint ? { mint: token.mint } : {}),
        ...(token.audNotMatching !== undefined ? { audNotMatching: token.audNotMatching } : {}),
      };
  }
}

/**
 * What the rejection must be; parts with nothing to compare are left out. HEAD answers have no
 * body: only status and headers can be compared.
 */
function expectData(expect: ExpectedRejection, head: boolean) {
  const headers = expect.headers ?? {};
  return {
    status: expect.status,
    ...(expect.errorType !== undefined ? { errorType: expect.errorType } : {}),
    ...(!head && expect.body !== undefined ? { body: expect.body } : {}),
    // A custom template with unpredictable parts ($context.requestId…): the model gives a pattern.
    ...(!head && expect.body === undefined && expect.bodyPattern !== undefined
      ? { bodyPattern: expect.bodyPattern }
      : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

export function revocationData(check: RevocationCheck) {
  return {
    id: check.id,
    step: check.step,
    label: 'revocation',
    tokenVariable: runVariables.revocationAccessToken,
    signedOutVariable: runVariables.revocationSignedOut,
  };
}
