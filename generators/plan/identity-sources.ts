import type { IdentitySource, Operation } from '../model/types.js';

/** The value sent for an identity source the spec gives no example for. */
export const identitySourceValue = 'gatecheck';

/**
 * A Lambda REQUEST authorizer's identity sources besides the token header: API Gateway calls the
 * Lambda only when every one is present and non-empty (CreateAuthorizer `identitySource`,
 * docs/reference/aws-wire-behaviour.md §2.1), so every request sends them, with the spec's example
 * when the operation documents the parameter. `omit` leaves one out (identity-source-missing).
 */
export function withIdentitySources<
  T extends { query: Record<string, string>; headers: Record<string, string> },
>(request: T, operation: Operation, omit?: IdentitySource): T {
  const protection = operation.protection;
  if (protection.kind !== 'lambda') return request;
  const query = { ...request.query };
  const headers = { ...request.headers };
  for (const source of protection.otherIdentitySources) {
    const target = source.in === 'query' ? query : headers;
    const present = Object.keys(target).find((key) =>
      source.in === 'query' ? key === source.name : key.toLowerCase() === source.name.toLowerCase(),
    );
    const documented = operation.parameters.find(
      (p) => p.in === source.in && p.name.toLowerCase() === source.name.toLowerCase(),
    )?.example;
    const omitted =
      omit !== undefined &&
      omit.in === source.in &&
      omit.name.toLowerCase() === source.name.toLowerCase();
    if (present !== undefined) delete target[present];
    if (!omitted) target[present ?? source.name] = documented || identitySourceValue;
  }
  return { ...request, query, headers };
}
