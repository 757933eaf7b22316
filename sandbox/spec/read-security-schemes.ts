import type { SpecDocument } from './read-spec-file.js';
import type { SchemeRule } from './types.js';
import { isObject, objectAt, stringAt, stringsOf, type JsonObject } from './json.js';

/** Security schemes of an OAS3 (`components.securitySchemes`) or Swagger (`securityDefinitions`) document. */
export function readSecuritySchemes(document: SpecDocument): Record<string, SchemeRule> {
  // An OpenAPI 3 document may keep Swagger's `securityDefinitions`; API Gateway imports them too.
  const declared = {
    ...objectAt(document, 'securityDefinitions'),
    ...objectAt(objectAt(document, 'components'), 'securitySchemes'),
  };
  const rules: Record<string, SchemeRule> = {};
  for (const [name, scheme] of Object.entries(declared)) {
    rules[name] = isObject(scheme) ? ruleOf(scheme) : unsupported('not an object');
  }
  return rules;
}

function ruleOf(scheme: JsonObject): SchemeRule {
  const authorizer = objectAt(scheme, 'x-amazon-apigateway-authorizer');
  const authType = (stringAt(scheme, 'x-amazon-apigateway-authtype') ?? '').toLowerCase();
  const authorizerType = (stringAt(authorizer, 'type') ?? '').toLowerCase();
  // Exports write `cognito_user_pools`; hand-written files often `COGNITO_USER_POOLS`
  // (docs/reference/aws-wire-behaviour.md §4).
  if (authType === 'cognito_user_pools' || authorizerType === 'cognito_user_pools') {
    // The authorizer's `identitySource` (`method.request.header.X`) is what API Gateway reads; the
    // scheme's `name` only describes it, and AWS SAM bodies can carry both.
    const source = stringAt(authorizer, 'identitySource');
    const fromSource = source?.match(/^\s*method\.request\.header\.([^\s,]+)/)?.[1];
    const expression = stringAt(authorizer, 'identityValidationExpression');
    return {
      kind: 'cognito',
      header: fromSource ?? stringAt(scheme, 'name') ?? 'Authorization',
      ...(expression ? { audiencePattern: expression } : {}),
      pools: stringsOf(authorizer?.providerARNs)
        .map(poolIdOf)
        .filter((id): id is string => id !== undefined),
    };
  }
  if (authorizerType === 'token' || authorizerType === 'request') {
    const lambda = lambdaRule(scheme, authorizer, authorizerType);
    if (lambda) return lambda;
  }
  if (authorizerType === 'jwt') {
    const config = objectAt(authorizer, 'jwtConfiguration');
    return {
      kind: 'jwt',
      header: headerOfIdentitySource(authorizer?.identitySource) ?? 'Authorization',
      audience: stringsOf(config?.audience),
    };
  }
  if (authType === '') {
    if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
      return { kind: 'api-key', header: scheme.name };
    }
  }
  return unsupported(describe(scheme, authType, authorizerType));
}

/** `$request.header.Authorization` (HTTP API) or `method.request.header.X` (REST) → header name. */
function headerOfIdentitySource(source: unknown): string | undefined {
  const first = stringsOf(source)
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())[0];
  const match = first?.match(/header\.(.+)$/);
  return match?.[1];
}

function describe(scheme: JsonObject, authType: string, authorizerType: string): string {
  if (authType === 'awssigv4') return 'AWS_IAM (sigv4)';
  if (authorizerType === 'token' || authorizerType === 'request') {
    return `Lambda authorizer (${authorizerType})`;
  }
  return `${String(scheme.type)} scheme${authType ? ` (${authType})` : ''}`;
}

function unsupported(description: string): SchemeRule {
  return { kind: 'unsupported', description };
}

/**
 * A Lambda authorizer the stand-in can run: one that verifies Cognito tokens, as the scheme's
 * `x-gatecheck-cognito` says (`tokenKind`, `scopes`). A TOKEN authorizer without `identitySource`
 * reads the scheme's header.
 */
function lambdaRule(
  scheme: JsonObject,
  authorizer: JsonObject | undefined,
  type: 'token' | 'request',
): SchemeRule | undefined {
  const extension = objectAt(scheme, 'x-gatecheck-cognito');
  const tokenUse = (stringAt(extension, 'tokenKind') ?? '').toLowerCase();
  if (!extension || (tokenUse !== 'id' && tokenUse !== 'access')) return undefined;
  const listed = (stringAt(authorizer, 'identitySource') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const named = stringAt(scheme, 'name');
  const sources = (listed.length > 0 ? listed : named ? [`method.request.header.${named}`] : [])
    .map((entry) => /^method\.request\.(header|querystring)\.(.+)$/.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null && match[2] !== undefined)
    .map((match) => ({
      in: match[1] === 'header' ? ('header' as const) : ('query' as const),
      name: match[2] ?? '',
    }));
  const header = sources.find((source) => source.in === 'header')?.name;
  if (header === undefined) return undefined;
  const expression = stringAt(authorizer, 'identityValidationExpression');
  return {
    kind: 'lambda',
    type,
    header,
    identitySources: type === 'token' ? [{ in: 'header', name: header }] : sources,
    ...(type === 'token' && expression ? { validationExpression: expression } : {}),
    tokenUse,
    scopes: stringsOf(extension.scopes),
    pools: [poolIdOf(stringAt(extension, 'userPool') ?? '')].filter(
      (id): id is string => id !== undefined,
    ),
  };
}

/** The pool id of a user pool ARN (`...:userpool/<id>`) or issuer URL (`.../<id>`). */
function poolIdOf(reference: string): string | undefined {
  return /(?:^|userpool\/|amazonaws\.com(?:\.cn)?\/)([a-z]{2}(?:-[a-z]+)+-\d_[A-Za-z0-9]+)\/?$/.exec(
    reference.trim(),
  )?.[1];
}
