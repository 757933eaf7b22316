/**
 * How deep a collection checks each operation (`--depth`):
 * - `smoke`: per operation only the checks its own method settings decide (no token, the wrong
 *   token kind, a missing scope, the API key); no token-validation forgeries at all.
 * - `standard` (the default): those, plus the token-validation catalogue (malformed values,
 *   signature, `alg`, issuer, audience, expiry, a foreign key) ONCE per authorizer and token kind,
 *   on one representative operation. A Cognito or JWT authorizer validates a token from its own
 *   configuration (the pool's keys, issuer, audience), the same for every method it protects
 *   (docs/reference/aws-wire-behaviour.md §2.1, §3); what differs between methods is the token kind,
 *   the scopes and the API key, and those stay per operation (docs/reference/check-catalogue.md §1.3).
 * - `full`: the whole catalogue on every operation.
 * Authorizers whose validation is code (Lambda: it may decide per method ARN) keep the forgeries on
 * every method at every depth above `smoke`: only `cognito` and `jwt` are deduplicated.
 */
import type { ApiModel, Operation, Protection } from '../model/types.js';
import { isUnsafeMethod } from './sentinel-targets.js';

export const checkDepths = ['smoke', 'standard', 'full'] as const;
export type CheckDepth = (typeof checkDepths)[number];
export const defaultCheckDepth: CheckDepth = 'standard';

export function isCheckDepth(value: unknown): value is CheckDepth {
  return typeof value === 'string' && (checkDepths as readonly string[]).includes(value);
}

/** Protections whose token validation is the same for every method they protect. */
const configuredValidation: ReadonlySet<Protection['kind']> = new Set(['cognito', 'jwt']);

/** Whether a protection's forgeries must run on every method (not once per authorizer). */
export function forgeriesPerMethod(protection: Protection): boolean {
  return !configuredValidation.has(protection.kind);
}

/** One authorizer and the token kind a method sends it: the unit the catalogue runs once for. */
export function authorizerTokenKey(protection: Protection): string | undefined {
  if (protection.kind !== 'cognito' && protection.kind !== 'jwt') return undefined;
  const audience = protection.kind === 'jwt' ? protection.audience.join(' ') : '';
  return [
    protection.kind,
    protection.scheme,
    protection.tokenHeader,
    protection.tokenKind,
    audience,
  ].join('\u0000');
}

/**
 * For each authorizer and token kind, the operation that carries its token-validation checks: the
 * first safe method (GET, HEAD, OPTIONS) in spec order, so a forgery that gets through reads and
 * never writes; the first method of any kind when the authorizer protects no safe one.
 */
export function representativeOperations(model: ApiModel): Set<string> {
  const chosen = new Map<string, Operation>();
  for (const operation of model.operations) {
    const key = authorizerTokenKey(operation.protection);
    if (key === undefined) continue;
    const current = chosen.get(key);
    if (!current || (isUnsafeMethod(current.method) && !isUnsafeMethod(operation.method)))
      chosen.set(key, operation);
  }
  return new Set([...chosen.values()].map((operation) => operation.id));
}

/** Which part of the catalogue an operation gets at this depth. */
export interface CatalogueScope {
  /** The checks its own method settings decide. */
  method: true;
  /** The token-validation checks (forgeries, malformed values, issuer, expiry, audience). */
  tokenValidation: boolean;
}

export function catalogueScope(
  depth: CheckDepth,
  operation: Operation,
  representatives: ReadonlySet<string>,
): CatalogueScope {
  if (depth === 'smoke') return { method: true, tokenValidation: false };
  if (depth === 'full' || forgeriesPerMethod(operation.protection))
    return { method: true, tokenValidation: true };
  return { method: true, tokenValidation: representatives.has(operation.id) };
}
