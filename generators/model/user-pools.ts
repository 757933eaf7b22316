import type { Operation, SecurityScheme, UserPoolRef } from './types.js';

/**
 * The user pools the authorizers of an API's methods trust, numbered in the order the schemes declare them
 * (`providerARNs`, a Lambda authorizer's `x-gatecheck-cognito.userPool`): pool 1 is the one the
 * environment's `userPoolId`, `clientId`, `username` name; pool N (N ≥ 2) has its own sign-in,
 * from `GATECHECK_POOL<N>_*` (docs/reference/api-gateway-exports.md, "Several user pools"). Pools
 * gatecheck cannot read (placeholders) are not numbered: they stand for pool 1, as before.
 */
export function knownPools(
  schemes: Record<string, SecurityScheme>,
  operations: readonly Operation[],
): UserPoolRef[] {
  // Only the schemes some method is checked with: a declared but unused pool needs no sign-in.
  const used = new Set(
    operations.flatMap((operation) =>
      operation.protection.kind === 'cognito' || operation.protection.kind === 'lambda'
        ? [operation.protection.scheme]
        : [],
    ),
  );
  const pools: UserPoolRef[] = [];
  for (const scheme of Object.values(schemes).filter((candidate) => used.has(candidate.name))) {
    for (const pool of poolsOf(scheme)) {
      if (pool.userPoolId !== undefined && !pools.some((p) => p.userPoolId === pool.userPoolId))
        pools.push(pool);
    }
  }
  return pools;
}

function poolsOf(scheme: SecurityScheme): UserPoolRef[] {
  if (scheme.kind === 'cognito') return scheme.userPools;
  if (scheme.kind === 'lambda') return [scheme.userPool];
  return [];
}

/**
 * Each operation's pool: the first of its authorizer's pools (`pool`, set when it is not pool 1)
 * and, when the authorizer accepts several, all of them (`acceptedPools`). An API with one pool is
 * left as it is.
 */
export function placeInPools(
  operations: Operation[],
  schemes: Record<string, SecurityScheme>,
  pools: UserPoolRef[],
): Operation[] {
  if (pools.length < 2) return operations;
  const numberOf = (pool: UserPoolRef) =>
    pools.findIndex((known) => known.userPoolId === pool.userPoolId) + 1;
  return operations.map((operation) => {
    const protection = operation.protection;
    if (protection.kind !== 'cognito' && protection.kind !== 'lambda') return operation;
    const scheme = schemes[protection.scheme];
    if (scheme === undefined) return operation;
    const numbers = [
      ...new Set(
        poolsOf(scheme)
          .map(numberOf)
          .filter((n) => n > 0),
      ),
    ];
    const own = numbers[0] ?? 1;
    return {
      ...operation,
      protection: {
        ...protection,
        ...(own > 1 ? { pool: own } : {}),
        acceptedPools: numbers.length > 0 ? numbers : [1],
      },
    };
  });
}
