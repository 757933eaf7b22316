/**
 * Credentials of pool N ≥ 2 of an API with several user pools (docs/reference/
 * api-gateway-exports.md, "Several user pools"): `GATECHECK_POOL<N>_USERNAME`, `_PASSWORD`,
 * `_CLIENT_ID`, `_CLIENT_SECRET`, `_USER_POOL_ID`, `_AUTH_FLOW` from the process environment or the
 * `.env` file, as the pool's variables `gatecheck.pool.<N>.<name>` (scripts/library/pool-sign-in.js),
 * in memory like every other credential. Passwords and client secrets are secrets. Pool 1 keeps the
 * single-pool names (`GATECHECK_USERNAME`...).
 */
const poolEnv =
  /^GATECHECK_POOL([2-9]|[1-9][0-9])_(USERNAME|PASSWORD|CLIENT_ID|CLIENT_SECRET|USER_POOL_ID|AUTH_FLOW)$/;

const variableOf: Record<string, string> = {
  USERNAME: 'username',
  PASSWORD: 'password',
  CLIENT_ID: 'clientId',
  CLIENT_SECRET: 'clientSecret',
  USER_POOL_ID: 'userPoolId',
  AUTH_FLOW: 'authFlow',
};

const secretKinds = new Set(['PASSWORD', 'CLIENT_SECRET']);

export function poolRunValues(sources: ReadonlyArray<Record<string, string | undefined>>): {
  values: Record<string, string>;
  secrets: string[];
} {
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  // The first source wins (the process environment over the .env file).
  for (const source of [...sources].reverse()) {
    for (const [name, value] of Object.entries(source)) {
      const match = poolEnv.exec(name);
      if (!match || !value) continue;
      const [, pool = '', kind = ''] = match;
      values[`gatecheck.pool.${pool}.${variableOf[kind] ?? kind}`] = value;
      if (secretKinds.has(kind)) secrets.push(value);
    }
  }
  return { values, secrets };
}
