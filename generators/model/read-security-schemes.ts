import {
  asRecord,
  asString,
  child,
  deref,
  warn,
  originOf,
  type Located,
  type ModelContext,
} from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import type { SecurityScheme, UserPoolRef } from './types.js';
import { readLambdaCognito } from './read-lambda-cognito.js';
import { isPlaceholder, parseCognitoIssuer, parseUserPoolArn } from './user-pool-arn.js';

/**
 * The security schemes: OpenAPI 3 `components.securitySchemes`, Swagger 2 `securityDefinitions`.
 * Each is classified by what API Gateway makes of it (docs/reference/aws-wire-behaviour.md §4): a
 * Cognito user pool authorizer (REST), a JWT authorizer (HTTP API), an API key, or something
 * gatecheck cannot sign in to.
 */
export function readSecuritySchemes(context: ModelContext): Record<string, SecurityScheme> {
  const schemes: Record<string, SecurityScheme> = {};
  const swagger: Located = {
    value: context.document.securityDefinitions,
    pointer: '/securityDefinitions',
  };
  if (context.specVersion === '2.0') {
    readContainer(context, swagger, schemes);
    return schemes;
  }
  readContainer(
    context,
    child({ value: context.document.components, pointer: '/components' }, 'securitySchemes'),
    schemes,
  );
  // API Gateway imports an OpenAPI 3 document that keeps Swagger's `securityDefinitions` (seen in
  // hand-converted exports); OpenAPI 3 tools ignore it. Read it, warn, and let components win.
  const leftover = Object.keys(asRecord(swagger.value) ?? {}).filter((name) => !(name in schemes));
  if (leftover.length > 0) {
    warn(
      context,
      'swagger-security-definitions',
      `security scheme(s) ${leftover.join(', ')} are under Swagger's securityDefinitions in an OpenAPI 3 document: read as API Gateway imports them; move them to components.securitySchemes for other OpenAPI tools`,
      swagger.pointer,
    );
    readContainer(context, swagger, schemes, leftover);
  }
  return schemes;
}

function readContainer(
  context: ModelContext,
  container: Located,
  schemes: Record<string, SecurityScheme>,
  only?: string[],
): void {
  for (const name of only ?? Object.keys(asRecord(container.value) ?? {})) {
    const located = deref(
      context,
      asRecord(container.value)?.[name],
      pointerJoin(container.pointer, name),
    );
    const scheme = readScheme(context, name, located);
    if (scheme.kind === 'unsupported') {
      warn(
        context,
        'unsupported-scheme',
        `security scheme "${name}" (${scheme.description}) is not supported: gatecheck cannot obtain its credentials, so operations that need only it are not checked`,
        located.pointer,
      );
    }
    schemes[name] = scheme;
  }
}

function readScheme(context: ModelContext, name: string, located: Located): SecurityScheme {
  const raw = asRecord(located.value) ?? {};
  const origin = originOf(context, located.pointer);
  const type = asString(raw.type)?.toLowerCase() ?? '';
  const authType = asString(raw['x-amazon-apigateway-authtype'])?.toLowerCase();
  const authorizer = asRecord(raw['x-amazon-apigateway-authorizer']);
  const authorizerType = asString(authorizer?.type)?.toLowerCase();
  const unsupported = (description: string): SecurityScheme => ({
    kind: 'unsupported',
    name,
    description,
    origin,
  });

  if (authType === 'cognito_user_pools' || authorizerType === 'cognito_user_pools') {
    return {
      kind: 'cognito',
      name,
      tokenHeader: identityHeader(context, name, located, authorizer) ?? 'Authorization',
      userPools: readProviderArns(
        context,
        name,
        child(child(located, 'x-amazon-apigateway-authorizer'), 'providerARNs'),
      ),
      ...authorizerSettings(authorizer),
      origin,
    };
  }
  if (authorizerType === 'jwt') return readJwtAuthorizer(context, name, located, authorizer ?? {});
  if (authorizerType === 'token' || authorizerType === 'request' || authType === 'custom') {
    const type = authorizerType === 'request' ? 'request' : 'token';
    const lambda = readLambdaAuthorizer(type, raw, authorizer ?? {});
    const description = `Lambda authorizer (${authorizerType ?? 'custom'})`;
    const verifiesCognito = readLambdaCognito(context, name, located, lambda);
    if (verifiesCognito) return verifiesCognito;
    return { kind: 'unsupported', name, description, lambda, origin };
  }
  // IAM methods need SigV4-signed requests with AWS credentials: recognised, checking them is out
  // of scope (the description says so in inspect and in the collection).
  if (authType === 'awssigv4' || authType === 'aws_iam')
    return unsupported(
      'AWS_IAM (sigv4), out of scope: gatecheck checks Cognito and JWT authorizers',
    );
  if (authType !== undefined) return unsupported(`API Gateway authorizer of type ${authType}`);

  switch (type) {
    case 'apikey':
      // API Gateway only reads API keys from a header (docs/reference/aws-wire-behaviour.md §2.2,
      // api-key source HEADER).
      if (asString(raw.in) !== 'header')
        return unsupported(`API key in ${asString(raw.in) ?? 'an unknown place'}`);
      return { kind: 'api-key', name, header: asString(raw.name) ?? 'x-api-key', origin };
    case 'oauth2':
      return plainJwt(name, 'oauth2', undefined, origin);
    case 'openidconnect':
      return plainJwt(
        name,
        'openIdConnect',
        issuerFromDiscoveryUrl(asString(raw.openIdConnectUrl)),
        origin,
      );
    case 'http':
      if (asString(raw.scheme)?.toLowerCase() === 'bearer')
        return plainJwt(name, 'http-bearer', undefined, origin);
      return unsupported(`http ${asString(raw.scheme) ?? ''}`.trim());
    case 'basic':
      return unsupported('http basic');
    default:
      return unsupported(type === '' ? 'scheme without a type' : `${type} scheme`);
  }
}

/**
 * The header a REST authorizer reads its token from. The authorizer's `identitySource`
 * (`method.request.header.X`) is what API Gateway configures (`CreateAuthorizer.identitySource`,
 * docs/reference/aws-wire-behaviour.md §2.1); the scheme's `name` is only OpenAPI's description of
 * it. AWS SAM writes both, and when they differ the identity source wins (with a warning, since one
 * of them is stale).
 */
function identityHeader(
  context: ModelContext,
  name: string,
  located: Located,
  authorizer: Record<string, unknown> | undefined,
): string | undefined {
  const declared = asString(asRecord(located.value)?.name);
  const source = asString(authorizer?.identitySource);
  const fromSource = source
    ?.split(',')
    .map((entry) => /^\s*method\.request\.header\.([^\s,]+)\s*$/.exec(entry)?.[1])
    .find((header) => header !== undefined);
  if (
    fromSource !== undefined &&
    declared !== undefined &&
    fromSource.toLowerCase() !== declared.toLowerCase()
  ) {
    warn(
      context,
      'identity-source-differs',
      `security scheme "${name}" names header ${declared} but its authorizer reads ${source}: checked with ${fromSource}, as API Gateway does`,
      pointerJoin(located.pointer, 'x-amazon-apigateway-authorizer', 'identitySource'),
    );
  }
  return fromSource ?? declared;
}

/**
 * A Lambda authorizer's identity sources, validation expression and TTL
 * (`x-amazon-apigateway-authorizer`, `[apigw-guide]` api-gateway-swagger-extensions-authorizer.md).
 * A TOKEN authorizer without `identitySource` reads the scheme's header.
 */
function readLambdaAuthorizer(
  type: 'token' | 'request',
  scheme: Record<string, unknown>,
  authorizer: Record<string, unknown>,
) {
  const listed = (asString(authorizer.identitySource) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const header = asString(scheme.name);
  const identitySources =
    listed.length > 0
      ? listed
      : type === 'token' && header !== undefined
        ? [`method.request.header.${header}`]
        : [];
  return { type, identitySources, ...authorizerSettings(authorizer) };
}

/** The authorizer's validation expression and result TTL, when the export carries them. */
function authorizerSettings(authorizer: Record<string, unknown> | undefined): {
  identityValidationExpression?: string;
  resultTtlSeconds?: number;
} {
  const expression = asString(authorizer?.identityValidationExpression);
  const ttl = authorizer?.authorizerResultTtlInSeconds;
  return {
    ...(expression === undefined || expression === ''
      ? {}
      : { identityValidationExpression: expression }),
    ...(typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 0
      ? { resultTtlSeconds: ttl }
      : {}),
  };
}

function readProviderArns(context: ModelContext, name: string, arns: Located): UserPoolRef[] {
  const list = Array.isArray(arns.value) ? arns.value : [];
  const pools = list.map((arn) =>
    typeof arn === 'string' ? parseUserPoolArn(arn) : { raw: JSON.stringify(arn) },
  );
  if (pools.length > 1) {
    // Each pool is signed in to with its own credentials (model/user-pools.ts): say where they go.
    warn(
      context,
      'several-user-pools',
      `Cognito scheme "${name}" accepts tokens of ${pools.length} user pools: checks sign in to each, pool 1 with the environment's credentials, pool N with GATECHECK_POOL<N>_USERNAME, _PASSWORD, _CLIENT_ID (docs/reference/api-gateway-exports.md)`,
      arns.pointer,
    );
  }
  if (pools.length === 0 || pools.some((pool) => pool.userPoolId === undefined)) {
    warn(
      context,
      'unknown-user-pool',
      pools.length === 0
        ? `Cognito scheme "${name}" names no user pool (exported without extensions=authorizers?): set the user pool id in the environment`
        : `Cognito scheme "${name}" has a user pool ARN gatecheck cannot read (${pools.find((p) => !p.userPoolId)?.raw}): set the user pool id in the environment`,
      arns.pointer,
    );
  }
  return pools;
}

function readJwtAuthorizer(
  context: ModelContext,
  name: string,
  located: Located,
  authorizer: Record<string, unknown>,
): SecurityScheme {
  const config = asRecord(authorizer.jwtConfiguration) ?? {};
  const rawIssuer = asString(config.issuer);
  const issuer = rawIssuer !== undefined && !isPlaceholder(rawIssuer) ? rawIssuer : undefined;
  const audience = (Array.isArray(config.audience) ? config.audience : [config.audience]).filter(
    (value): value is string => typeof value === 'string' && !isPlaceholder(value),
  );
  if (issuer === undefined) {
    warn(
      context,
      'unknown-user-pool',
      `JWT authorizer "${name}" has ${rawIssuer === undefined ? 'no issuer' : `a placeholder issuer (${rawIssuer})`}: set the user pool id in the environment`,
      pointerJoin(located.pointer, 'x-amazon-apigateway-authorizer', 'jwtConfiguration', 'issuer'),
    );
  }
  const userPool = issuer === undefined ? undefined : parseCognitoIssuer(issuer);
  return {
    kind: 'jwt',
    name,
    tokenHeader: headerFromIdentitySource(authorizer.identitySource) ?? 'Authorization',
    ...(issuer === undefined ? {} : { issuer }),
    audience,
    ...(userPool === undefined ? {} : { userPool }),
    declaredAs: 'jwt-authorizer',
    origin: originOf(context, located.pointer),
  };
}

function plainJwt(
  name: string,
  declaredAs: 'oauth2' | 'openIdConnect' | 'http-bearer',
  issuer: string | undefined,
  origin: ReturnType<typeof originOf>,
): SecurityScheme {
  const userPool = issuer === undefined ? undefined : parseCognitoIssuer(issuer);
  return {
    kind: 'jwt',
    name,
    tokenHeader: 'Authorization',
    ...(issuer === undefined ? {} : { issuer }),
    audience: [],
    ...(userPool === undefined ? {} : { userPool }),
    declaredAs,
    origin,
  };
}

/** `$request.header.Authorization` (possibly one of a comma-separated list) → `Authorization`, case as written. */
function headerFromIdentitySource(source: unknown): string | undefined {
  const sources = Array.isArray(source)
    ? source
    : typeof source === 'string'
      ? source.split(',')
      : [];
  for (const entry of sources) {
    const match =
      typeof entry === 'string' ? /^\s*\$request\.header\.([^\s,]+)\s*$/.exec(entry) : null;
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** An OpenID Connect discovery URL `<issuer>/.well-known/openid-configuration` names its issuer. */
function issuerFromDiscoveryUrl(url: string | undefined): string | undefined {
  const match =
    url === undefined || isPlaceholder(url)
      ? null
      : /^(https:\/\/.+?)\/\.well-known\/openid-configuration$/.exec(url);
  return match?.[1];
}
