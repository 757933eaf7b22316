/**
 * Negative checks that cannot pass by accident (docs/reference/check-catalogue.md §2.2): an operation's
 * negative requests run as one block right after a control on the same method, URL and body with
 * valid credentials, so a wrong URL, a broken sign-in or a gateway that rejects everything makes the
 * negatives inconclusive instead of green. A long block ends with a closing control, which proves
 * the request still gets through after it. Expected answers are exact (status, error type, body)
 * and come from the model.
 */
import type { ApiModel, Operation, TokenProtection } from '../model/types.js';
import { contentId } from './content-id.js';
import { withIdentitySources } from './identity-sources.js';
import type { CatalogueScope } from './check-depth.js';
import { negativeVariants, type NegativeVariant } from './negative-catalogue.js';
import { capturedTokenOf, operationTitle } from './plan-positive-checks.js';
import { checkTarget, isUnsafeMethod, type CheckTarget } from './sentinel-targets.js';
import type { ControlCheck, NegativeCheck, PlannedRequest, PublicCheck } from './types.js';

/** A block with more negatives than this ends with a closing control. */
export const closingControlAfter = 6;

const fullScope: CatalogueScope = { method: true, tokenValidation: true };

/**
 * The checks of one operation, in run order: `control, negative, negative, …[, closing control]`
 * for an operation behind a Cognito or JWT authorizer (the token kind the method needs; every
 * negative reads the verdict of the control before it); one `PublicCheck` for a public operation
 * (or one that also allows anonymous callers); nothing for operations behind authorizers gatecheck
 * cannot test (`planUncheckedOperations` reports them). `scope` picks the part of the catalogue
 * (check-depth.ts; default: all of it).
 */
export function planNegativeChecks(
  model: ApiModel,
  operation: Operation,
  scope: CatalogueScope = fullScope,
): Array<ControlCheck | NegativeCheck | PublicCheck> {
  const protection = operation.protection;
  if (protection.kind === 'unsupported') return [];
  // `[[]]`-style security (an empty alternative) in a plain OpenAPI document lets anyone in: a
  // missing token must be accepted, so rejection checks would fail on a correctly configured
  // gateway. API Gateway applies every entry of its own documents, so there `{}` adds nothing.
  const anonymousAllowed =
    model.securityReading === 'openapi' &&
    operation.security.some((alternative) => alternative.length === 0);
  if (protection.kind === 'public' || anonymousAllowed)
    return [publicCheck(model, operation), ...apiKeyOnlyChecks(model, operation, anonymousAllowed)];

  const target = withIdentitySources(
    checkTarget(operation, reservedHeaders(operation, protection)),
    operation,
  );
  const variants = negativeVariants(model, operation, protection).filter(
    (variant) => scope.tokenValidation || variant.tokenValidation !== true,
  );
  const control = controlCheck(model, operation, protection, target, false);
  return controlledBlock(
    control,
    variants.map((variant) =>
      negativeCheck(model, operation, protection, target, variant, control.id),
    ),
    () => controlCheck(model, operation, protection, target, true),
  );
}

/**
 * The control, its negatives (the last one releases the control's verdict) and, for a long block,
 * the closing control.
 */
function controlledBlock(
  control: ControlCheck,
  negatives: NegativeCheck[],
  closing: () => ControlCheck,
): Array<ControlCheck | NegativeCheck> {
  if (negatives.length === 0) return [];
  const last = negatives.length - 1;
  const block: Array<ControlCheck | NegativeCheck> = [
    control,
    ...negatives.map((negative, index) =>
      index === last ? { ...negative, releasesControl: true as const } : negative,
    ),
  ];
  if (negatives.length > closingControlAfter) block.push(closing());
  return block;
}

/**
 * The number of checks a run must execute or report as skipped: every planned check (positive,
 * control, negative, public, revocation) increments `gatecheck.ran` or `gatecheck.skipped` exactly
 * once, so the run guard compares the sum with this count.
 */
export function countChecks(checks: ReadonlyArray<{ role: string }>): number {
  return checks.length;
}

/** `alg-none (nOnE)`: the kind, and the variant when there is one. Every test name starts with it. */
export function variantLabel(variant: Pick<NegativeVariant, 'kind' | 'variant'>): string {
  return variant.variant === undefined ? variant.kind : `${variant.kind} (${variant.variant})`;
}

export function requestBase(
  model: ApiModel,
  operation: Operation,
  target: CheckTarget,
): Omit<PlannedRequest, 'id' | 'name' | 'token'> & { operationId: string } {
  return {
    method: operation.method,
    path: target.path,
    query: target.query,
    headers: target.headers,
    ...(target.body ? { body: target.body } : {}),
    gatewayKind: model.gatewayKind,
    operationId: operation.id,
  };
}

function controlCheck(
  model: ApiModel,
  operation: Operation,
  protection: TokenProtection,
  target: CheckTarget,
  closing: boolean,
): ControlCheck {
  const label = closing ? 'closing control' : 'control';
  return {
    ...requestBase(model, operation, target),
    id: contentId(model.slug, operation.id, label, protection.tokenKind),
    name: `${operationTitle(operation)} · ${label}`,
    role: 'control',
    ...(closing ? { closing: true as const } : {}),
    tokenHeader: protection.tokenHeader,
    token: {
      ...capturedTokenOf(operation, protection),
      ...(protection.kind !== 'jwt' && protection.pool !== undefined
        ? { pool: protection.pool }
        : {}),
    },
    ...(operation.apiKey ? { apiKey: { header: operation.apiKey.header, value: 'variable' } } : {}),
    expect: controlExpectation(operation, target),
  };
}

/**
 * A sentinel target does not exist, so the backend answers 4xx: only "not a gateway rejection" can
 * be expected (a POST sends a harmless body the API should refuse rather than create from). A safe
 * method on the documented example must give the documented success.
 */
function controlExpectation(operation: Operation, target: CheckTarget): ControlCheck['expect'] {
  if (!target.sentinel) return { mode: 'success', status: operation.success.status };
  return operation.method === 'post'
    ? { mode: 'reached-integration', refused: true }
    : { mode: 'reached-integration' };
}

function negativeCheck(
  model: ApiModel,
  operation: Operation,
  protection: TokenProtection,
  target: CheckTarget,
  variant: NegativeVariant,
  controlId: string,
): NegativeCheck {
  const label = variantLabel(variant);
  const sent =
    variant.omitIdentitySource === undefined
      ? target
      : withIdentitySources(target, operation, variant.omitIdentitySource);
  return {
    ...requestBase(model, operation, sent),
    id: contentId(model.slug, operation.id, 'negative', label),
    name: `${operationTitle(operation)} · ${label}`,
    role: 'negative',
    kind: variant.kind,
    ...(protection.kind === 'lambda' ? { authorizer: 'lambda' as const } : {}),
    tokenHeader: protection.tokenHeader,
    token: variant.token,
    ...(operation.apiKey && variant.apiKey
      ? { apiKey: { header: operation.apiKey.header, value: variant.apiKey } }
      : {}),
    ...(variant.omitIdentitySource ? { omitIdentitySource: variant.omitIdentitySource } : {}),
    expect: variant.expect,
    controlId,
  };
}

/**
 * A public operation must answer without a token. Unsafe public methods are flagged in the name
 * (the model also warns) and aimed at a sentinel target, so the check writes nothing: it then
 * expects any answer that is not a gateway rejection.
 */
function publicCheck(model: ApiModel, operation: Operation): PublicCheck {
  const unsafe = isUnsafeMethod(operation.method);
  const target = checkTarget(operation, operation.apiKey ? [operation.apiKey.header] : []);
  const flag = unsafe ? ' (write operation without authorizer)' : '';
  return {
    ...requestBase(model, operation, target),
    id: contentId(model.slug, operation.id, 'public', 'without-token'),
    name: `${operationTitle(operation)} · public${flag}`,
    role: 'public',
    token: { from: 'none' },
    ...(operation.apiKey ? { apiKey: { header: operation.apiKey.header, value: 'variable' } } : {}),
    expect: unsafe
      ? { status: operation.success.status, mode: 'reached-integration' }
      : { status: operation.success.status, mode: 'success' },
  };
}

/**
 * A method that needs only an API key (no authorizer) must refuse a request without the key and
 * one with a wrong key with 403 Forbidden (INVALID_API_KEY, docs/reference/aws-wire-behaviour.md
 * §2.2), each after a control that sends the key and no token. Not with key source AUTHORIZER (the
 * model then has no key header) nor when anonymous callers are allowed by another alternative.
 */
function apiKeyOnlyChecks(
  model: ApiModel,
  operation: Operation,
  anonymousAllowed: boolean,
): Array<ControlCheck | NegativeCheck> {
  const apiKey = operation.apiKey;
  if (apiKey === undefined || anonymousAllowed || model.apiKeySource !== 'HEADER') return [];
  const target = checkTarget(operation, [apiKey.header]);
  const control = (closing: boolean): ControlCheck => {
    const label = closing ? 'closing control' : 'control';
    return {
      ...requestBase(model, operation, target),
      id: contentId(model.slug, operation.id, label, 'api-key'),
      name: `${operationTitle(operation)} · ${label}`,
      role: 'control',
      ...(closing ? { closing: true as const } : {}),
      token: { from: 'none' },
      apiKey: { header: apiKey.header, value: 'variable' },
      expect: controlExpectation(operation, target),
    };
  };
  const opening = control(false);
  const negatives = (
    [
      ['api-key-missing', 'omit'],
      ['api-key-wrong', 'wrong'],
    ] as const
  ).map(([kind, value]): NegativeCheck => ({
    ...requestBase(model, operation, target),
    id: contentId(model.slug, operation.id, 'negative', kind),
    name: `${operationTitle(operation)} · ${kind}`,
    role: 'negative',
    kind,
    token: { from: 'none' },
    apiKey: { header: apiKey.header, value },
    expect: operation.rejections.invalidApiKey,
    controlId: opening.id,
  }));
  return controlledBlock(opening, negatives, () => control(true));
}

function reservedHeaders(operation: Operation, protection: TokenProtection): string[] {
  return [protection.tokenHeader, ...(operation.apiKey ? [operation.apiKey.header] : [])];
}
