/**
 * Where negative checks (and their controls) are aimed. A negative check on an unsafe method
 * executes the action exactly when the authorizer is broken (docs/reference/check-catalogue.md
 * §4.1), so unsafe methods are aimed at an object that cannot exist and carry a harmless body: a
 * broken authorizer then reaches a backend that has nothing to change.
 */
import type { HttpMethod, Operation } from '../model/types.js';
import {
  requestBody,
  requiredHeaders,
  requiredQuery,
  resolvePath,
} from './plan-positive-checks.js';

/** A path parameter value no real object has: a fixed, recognisable UUID. */
export const sentinelId = 'gatecheck-sentinel-00000000-0000-4000-8000-000000000000';

/** The harmless body of unsafe checks: a validating backend rejects it, a lax one has no id to act on. */
export const harmlessJsonBody = '{}';

const unsafeMethods: ReadonlySet<HttpMethod> = new Set(['post', 'put', 'patch', 'delete']);

/** RFC 9110 §9.2.1: GET, HEAD and OPTIONS are safe; the rest may change data. */
export function isUnsafeMethod(method: HttpMethod): boolean {
  return unsafeMethods.has(method);
}

export interface CheckTarget {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: { contentType: string; raw: string };
  /** True when the target is a sentinel (unsafe method): answers other than a rejection are expected to be 4xx. */
  sentinel: boolean;
}

/**
 * The request every control and negative check of an operation sends (identical for all of them,
 * so a negative differs from its control only in its credentials). `reserved` are the headers the
 * check scripts set themselves (token, API key).
 */
export function checkTarget(operation: Operation, reserved: readonly string[]): CheckTarget {
  const query = requiredQuery(operation);
  const headers = requiredHeaders(operation, reserved);
  if (!isUnsafeMethod(operation.method)) {
    const body = requestBody(operation);
    return {
      path: resolvePath(operation.path, operation.parameters),
      query,
      headers,
      ...(body ? { body } : {}),
      sentinel: false,
    };
  }
  const sentinelParameters = operation.parameters.map((p) =>
    p.in === 'path' ? { ...p, example: sentinelId } : p,
  );
  return {
    path: resolvePath(operation.path, sentinelParameters),
    query,
    headers,
    ...(operation.requestBody ? { body: harmlessBody(operation.requestBody.contentType) } : {}),
    sentinel: true,
  };
}

/** `{}` for JSON bodies; an empty body for anything else (form data, binary), which no backend can act on. */
function harmlessBody(contentType: string): { contentType: string; raw: string } {
  return { contentType, raw: /json/i.test(contentType) ? harmlessJsonBody : '' };
}
