/**
 * The negative checks only a Lambda authorizer has: API Gateway itself refuses, with 401
 * `{"message":"Unauthorized"}` and without calling the Lambda, a request whose identity source is
 * missing or whose token does not match the TOKEN authorizer's `identityValidationExpression`
 * (CreateAuthorizer `identitySource` / `identityValidationExpression`, docs/reference/
 * aws-wire-behaviour.md §2.1, §2.2). Each check sends a token the Lambda itself would accept, so
 * only the gateway's own check can refuse it.
 */
import type { Operation, TokenProtection } from '../model/types.js';
import {
  acceptsForm,
  compileWhole,
  standardForm,
  tokenPlaceholder,
} from '../model/validation-expression.js';
import type { NegativeVariant } from './negative-catalogue.js';

type LambdaProtection = Extract<TokenProtection, { kind: 'lambda' }>;

export function lambdaVariants(
  protection: LambdaProtection,
  operation: Operation,
): NegativeVariant[] {
  const unauthorized = operation.rejections.unauthorized;
  const valid = { from: 'captured' as const, kind: protection.tokenKind };
  const variants: NegativeVariant[] = [];
  const mismatch = mismatchingForm(protection);
  if (mismatch !== undefined)
    variants.push({
      kind: 'expression-mismatch',
      variant: mismatch,
      token: {
        from: 'forged',
        kind: protection.tokenKind,
        forgery: 'expression-mismatch',
        variant: mismatch,
      },
      expect: unauthorized,
    });
  for (const source of protection.otherIdentitySources)
    variants.push({
      kind: 'identity-source-missing',
      variant: `${source.in} ${source.name}`,
      token: valid,
      omitIdentitySource: source,
      expect: unauthorized,
    });
  return variants;
}

/**
 * A form of the valid token (prefix changed, added or dropped) that the expression refuses while
 * the form gatecheck sends matches it; undefined when there is none, or the expression is not a
 * regular expression JavaScript can read (see model/validation-expression.ts).
 */
export function mismatchingForm(protection: LambdaProtection): string | undefined {
  const expression = protection.identityValidationExpression;
  if (expression === undefined) return undefined;
  const pattern = compileWhole(expression);
  if (pattern === undefined) return undefined;
  const matches = (form: string) => acceptsForm(pattern, form);
  const standard = standardForm(protection.tokenHeader);
  if (!matches(standard)) return undefined;
  const candidates =
    standard === tokenPlaceholder
      ? [`Bearer ${tokenPlaceholder}`, `bearer ${tokenPlaceholder}`]
      : [tokenPlaceholder, `bearer ${tokenPlaceholder}`, `BEARER ${tokenPlaceholder}`];
  return candidates.find((form) => !matches(form));
}
