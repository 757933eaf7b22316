/**
 * How gatecheck reads a Lambda TOKEN authorizer's `identityValidationExpression`: a regular
 * expression API Gateway matches the header value against before it calls the Lambda; no match is
 * 401 without a call (CreateAuthorizer, docs/reference/aws-wire-behaviour.md §2.1). The expression
 * is taken to match the whole value (UNCONFIRMED; AWS's examples anchor theirs with `^...$`), and
 * read as a JavaScript regular expression (API Gateway's is Java's; common expressions agree).
 */

/** Where the token goes in a header value template. */
export const tokenPlaceholder = '<token>';

/**
 * A token-shaped sample (header.payload.signature in base64url) to try expressions on. Short on
 * purpose: an expression comes from the spec, and a nested quantifier (`(x+)+`) backtracks
 * exponentially in the length of what it is tried on.
 */
const sampleToken = 'eyJ0.eyJ1.c2ln';

/** The header value a request sends: `Bearer <token>` in `Authorization`, the bare token elsewhere. */
export function standardForm(tokenHeader: string): string {
  return tokenHeader.toLowerCase() === 'authorization'
    ? `Bearer ${tokenPlaceholder}`
    : tokenPlaceholder;
}

/** The expression as a whole-value matcher; undefined when JavaScript cannot read it. */
export function compileWhole(expression: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${expression})$`);
  } catch {
    return undefined;
  }
}

/** Whether the expression accepts a header value of this form (with a token-shaped sample). */
export function acceptsForm(pattern: RegExp, form: string): boolean {
  return pattern.test(form.split(tokenPlaceholder).join(sampleToken));
}
