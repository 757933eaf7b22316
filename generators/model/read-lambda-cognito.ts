import { InputError } from '../errors.js';
import { asRecord, asString, originOf, warn, type Located, type ModelContext } from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import type {
  IdentitySource,
  LambdaAuthorizer,
  LambdaCognitoScheme,
  TokenKind,
  UserPoolRef,
} from './types.js';
import { parseCognitoIssuer, parseUserPoolArn } from './user-pool-arn.js';
import { acceptsForm, compileWhole, standardForm } from './validation-expression.js';

/** The extension on a Lambda authorizer's scheme that says it verifies Cognito tokens. */
export const lambdaCognitoExtension = 'x-gatecheck-cognito';

/**
 * A Lambda authorizer whose scheme carries `x-gatecheck-cognito` (docs/reference/
 * api-gateway-exports.md, "Lambda authorizers that verify Cognito tokens"):
 *
 * ```yaml
 * x-gatecheck-cognito:
 *   userPool: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123
 *   tokenKind: access          # or id: the token kind the Lambda verifies
 *   scopes: [orders/read]      # optional: a valid token without one of them gets an explicit Deny
 * ```
 *
 * API Gateway does not read the extension (nothing in an export says what a Lambda verifies), so
 * the user states it. Malformed, it is bad input: one line naming the pointer, exit 2. Without a
 * header to carry the token, the scheme stays unchecked with a warning.
 */
export function readLambdaCognito(
  context: ModelContext,
  name: string,
  located: Located,
  lambda: LambdaAuthorizer,
): LambdaCognitoScheme | undefined {
  const scheme = asRecord(located.value) ?? {};
  if (scheme[lambdaCognitoExtension] === undefined) return undefined;
  const pointer = pointerJoin(located.pointer, lambdaCognitoExtension);
  const bad = (what: string, at: string = pointer): never => {
    throw new InputError(`${lambdaCognitoExtension} ${what}`, {
      file: context.source,
      pointer: at,
      hint: `write userPool (a user pool id, ARN or issuer URL) and tokenKind (id or access), see docs/reference/api-gateway-exports.md`,
    });
  };
  const extension = asRecord(scheme[lambdaCognitoExtension]) ?? bad('must be an object');

  const rawPool = asString(extension.userPool) ?? bad('needs userPool', pointer);
  const userPool = parseCognitoIssuer(rawPool) ?? parsePoolId(rawPool) ?? parseUserPoolArn(rawPool);
  if (userPool.userPoolId === undefined) {
    warn(
      context,
      'unknown-user-pool',
      `Lambda authorizer "${name}" names a user pool gatecheck cannot read (${rawPool}): set the user pool id in the environment`,
      pointerJoin(pointer, 'userPool'),
    );
  }
  const tokenKind = asString(extension.tokenKind)?.toLowerCase();
  if (tokenKind !== 'id' && tokenKind !== 'access')
    bad('tokenKind must be "id" or "access"', pointerJoin(pointer, 'tokenKind'));
  const scopes = extension.scopes === undefined ? [] : extension.scopes;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string' && scope))
    bad('scopes must be a list of scope names', pointerJoin(pointer, 'scopes'));
  if ((scopes as string[]).length > 0 && tokenKind === 'id')
    bad(
      'scopes need tokenKind access: ID tokens carry no scope claim',
      pointerJoin(pointer, 'scopes'),
    );

  const sources = lambda.identitySources.map(parseIdentitySource);
  const tokenHeader = sources.find((source) => source?.in === 'header')?.name;
  if (tokenHeader === undefined) {
    warn(
      context,
      'lambda-cognito-unusable',
      `Lambda authorizer "${name}" reads no header (identity sources: ${lambda.identitySources.join(', ') || 'none'}): gatecheck sends tokens in a header, so its methods are not checked`,
      pointer,
    );
    return undefined;
  }
  const expression = lambda.type === 'token' ? lambda.identityValidationExpression : undefined;
  if (expression !== undefined) {
    const pattern = compileWhole(expression);
    const form = standardForm(tokenHeader);
    if (pattern === undefined || !acceptsForm(pattern, form))
      warn(
        context,
        'validation-expression',
        pattern === undefined
          ? `Lambda authorizer "${name}": identityValidationExpression is not a regular expression gatecheck can read, so no expression-mismatch check is planned`
          : `Lambda authorizer "${name}": identityValidationExpression refuses ${form} in ${tokenHeader}, the form gatecheck sends: its positive checks will be refused`,
        pointerJoin(
          located.pointer,
          'x-amazon-apigateway-authorizer',
          'identityValidationExpression',
        ),
      );
  }
  return {
    kind: 'lambda',
    name,
    tokenHeader,
    lambda,
    userPool,
    tokenKind: tokenKind as TokenKind,
    scopes: scopes as string[],
    origin: originOf(context, located.pointer),
  };
}

/** A bare user pool id, `eu-west-1_AbCdEf123`. */
function parsePoolId(raw: string): UserPoolRef | undefined {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d)_[A-Za-z0-9]+$/.exec(raw.trim());
  return match ? { region: match[1], userPoolId: raw.trim(), raw } : undefined;
}

/** `method.request.header.X` / `method.request.querystring.Y`; other sources (context, stage variables) are not sent by a caller. */
export function parseIdentitySource(source: string): IdentitySource | undefined {
  const match = /^method\.request\.(header|querystring)\.(.+)$/.exec(source.trim());
  if (!match?.[2]) return undefined;
  return { in: match[1] === 'header' ? 'header' : 'query', name: match[2] };
}
