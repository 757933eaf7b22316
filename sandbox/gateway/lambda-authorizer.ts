import type { SchemeRule } from '../spec/types.js';
import { headerOf, tokenOf, type Authorization, type AuthorizeContext } from './authorize.js';

type LambdaRule = Extract<SchemeRule, { kind: 'lambda' }>;

/**
 * A REST API Lambda authorizer, TOKEN or REQUEST, whose Lambda verifies Cognito tokens of the
 * sandbox pool. What API Gateway does before calling the Lambda (docs/reference/aws-wire-behaviour.md §2.1,
 * CreateAuthorizer `identitySource` / `identityValidationExpression`): every identity source must
 * be present and non-empty, and a TOKEN authorizer's header value must match the validation
 * expression (taken to match the whole value, UNCONFIRMED), else 401 `Unauthorized` without a call.
 * What the modelled Lambda answers (docs/reference/aws-wire-behaviour.md §2.2): `Unauthorized` (401) for a token it cannot
 * verify (bad signature, `alg: none`, expired, another issuer, the other token kind); a Deny policy
 * (403 explicit deny) for a valid token without one of its scopes; Allow otherwise.
 *
 * The result cache (`authorizerResultTtlInSeconds`) is not modelled: every request reaches the
 * Lambda, which answers a repeated token the same way anyway.
 */
export async function authorizeWithLambda(
  rule: LambdaRule,
  context: AuthorizeContext,
): Promise<Authorization> {
  const refused: Authorization = { allowed: false, refusal: { reason: 'unauthorized' } };
  for (const source of rule.identitySources) {
    const value =
      source.in === 'header'
        ? headerOf(context.headers, source.name)
        : context.query?.get(source.name);
    if (value === undefined || value === null || value.trim() === '') return refused;
  }
  const headerValue = headerOf(context.headers, rule.header) ?? '';
  if (
    rule.validationExpression !== undefined &&
    !context.faults.has('validation-expression-ignored') &&
    !wholeMatch(rule.validationExpression, headerValue)
  )
    return refused;
  return callLambda(rule, headerValue, context);
}

/** The modelled Lambda: strips an optional `Bearer ` and verifies the token like aws-jwt-verify. */
async function callLambda(
  rule: LambdaRule,
  headerValue: string,
  context: AuthorizeContext,
): Promise<Authorization> {
  const token = tokenOf(headerValue);
  if (token === undefined) return { allowed: false, refusal: { reason: 'unauthorized' } };
  // First the token (signature, issuer, expiry, token_use): any failure is `Unauthorized`. Then
  // the scopes of a token it accepted: none of them is a Deny policy.
  const verdict = await context.verifyToken(
    token,
    { tokenUse: rule.tokenUse, scopes: [], pools: rule.pools },
    context.faults,
  );
  if (!verdict.ok) return { allowed: false, refusal: { reason: 'unauthorized' } };
  const granted = typeof verdict.payload.scope === 'string' ? verdict.payload.scope.split(' ') : [];
  // A client credentials token has no user: `sub` is the client id, no `username`.
  const machineToken =
    verdict.payload.username === undefined &&
    verdict.payload.sub !== undefined &&
    verdict.payload.sub === verdict.payload.client_id;
  const scopesIgnored =
    context.faults.has('scopes-ignored') ||
    (machineToken && context.faults.has('machine-scopes-ignored'));
  if (
    rule.scopes.length > 0 &&
    !scopesIgnored &&
    !rule.scopes.some((scope) => granted.includes(scope))
  )
    return { allowed: false, refusal: { reason: 'explicit-deny' } };
  return { allowed: true };
}

function wholeMatch(expression: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${expression})$`).test(value);
  } catch {
    // An expression the stand-in cannot read matches nothing: every request is refused.
    return false;
  }
}
