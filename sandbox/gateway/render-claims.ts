import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java `Date.toString()` in UTC (`EEE MMM dd HH:mm:ss zzz yyyy`), e.g. `Tue Jun 18 15:00:04 UTC 2024`. */
export function javaDateString(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/**
 * `requestContext.authorizer.claims` of a REST API: every value a string, `exp`/`iat` as Java dates
 * while `auth_time` stays epoch seconds (captured event, docs/reference/aws-wire-behaviour.md
 * §2.3). `cognito:groups` arrives as one string; AWS's rendering of several groups is UNCONFIRMED,
 * the documented client practice is to split on commas (aws/chalice#783), so lists are comma-joined
 * here.
 */
export function restClaims(payload: JwtPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') {
      claims[name] = javaDateString(value);
    } else if (Array.isArray(value)) {
      claims[name] = value.map(String).join(',');
    } else if (value !== undefined) {
      claims[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  return claims;
}

/**
 * `requestContext.authorizer.jwt.claims` of an HTTP API (payload 2.0): strings, numbers as epoch
 * strings, arrays as a bracketed space-separated string `[a b]`
 * (docs/reference/aws-wire-behaviour.md §3).
 */
export function httpClaims(payload: JwtPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) {
      claims[name] = `[${value.map(String).join(' ')}]`;
    } else if (value !== undefined) {
      claims[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  return claims;
}
