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
    return { kind: 'cognito', header: fromSource ?? stringAt(scheme, 'name') ?? 'Authorization' };
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
