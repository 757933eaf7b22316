import type { ApiModel, ExpectedRejection, Operation, SecurityScheme } from './types.js';

/**
 * The stable, documented view of a model that `gatecheck inspect --json` prints
 * (docs/inspect-json.md). Every key is always present (null when it does not apply) and keys come
 * in a fixed order, so the output can be diffed and parsed by scripts. Bump `schemaVersion` on any
 * change that is not purely additive.
 */
export interface ModelSummary {
  schemaVersion: 2;
  title: string;
  slug: string;
  source: string;
  specVersion: ApiModel['specVersion'];
  securityReading: ApiModel['securityReading'];
  gatewayKind: ApiModel['gatewayKind'];
  apiKeySource: ApiModel['apiKeySource'];
  stages: { name: string; baseUrl: string }[];
  schemes: SchemeSummary[];
  operations: OperationSummary[];
  warnings: { code: string; message: string; pointer: string }[];
}

export interface SchemeSummary {
  name: string;
  kind: SecurityScheme['kind'];
  tokenHeader: string | null;
  apiKeyHeader: string | null;
  userPools: { region: string | null; userPoolId: string | null; raw: string }[];
  issuer: string | null;
  audience: string[];
  /** `cognito_user_pools`, `jwt`, `token`, `request` (Lambda); null for API keys and other schemes. */
  authorizerType: 'cognito_user_pools' | 'jwt' | 'token' | 'request' | null;
  /** Where the authorizer reads the caller's identity (header, query string...). */
  identitySources: string[];
  identityValidationExpression: string | null;
  resultTtlSeconds: number | null;
  description: string | null;
  pointer: string;
}

export type ProtectionLabel = 'public' | 'cognito' | 'jwt' | 'lambda' | 'api-key' | 'unsupported';

export interface OperationSummary {
  id: string;
  method: string;
  path: string;
  protection: ProtectionLabel;
  scheme: string | null;
  tokenHeader: string | null;
  tokenKind: 'id' | 'access' | null;
  scopes: string[];
  apiKeyHeader: string | null;
  /** Where the required API key comes from; null when the method needs none. */
  apiKeySource: ApiModel['apiKeySource'] | null;
  /** False when gatecheck plans no rejection check for the operation (why: `notChecked`). */
  checked: boolean;
  notChecked: string | null;
  unsupported: string | null;
  securitySource: Operation['securitySource'];
  /** The rejection the gateway should give a request without valid credentials; null when public. */
  rejection: RejectionSummary | null;
  rejections: Record<keyof Operation['rejections'], RejectionSummary>;
  successStatus: number;
  fromAnyMethod: boolean;
  greedyPath: boolean;
  pointer: string;
}

export interface RejectionSummary {
  status: number;
  errorType: string | null;
  body: unknown;
  bodyPattern: string | null;
  source: string;
}

export function summariseModel(model: ApiModel): ModelSummary {
  return {
    schemaVersion: 2,
    title: model.title,
    slug: model.slug,
    source: model.source,
    specVersion: model.specVersion,
    securityReading: model.securityReading,
    gatewayKind: model.gatewayKind,
    apiKeySource: model.apiKeySource,
    stages: model.stages.map((stage) => ({ name: stage.name, baseUrl: stage.baseUrl })),
    schemes: Object.values(model.schemes).map(summariseScheme),
    operations: model.operations.map(summariseOperation),
    warnings: model.warnings.map((warning) => ({
      code: warning.code,
      message: warning.message,
      pointer: warning.origin.pointer,
    })),
  };
}

function summariseScheme(scheme: SecurityScheme): SchemeSummary {
  return {
    name: scheme.name,
    kind: scheme.kind,
    tokenHeader:
      scheme.kind === 'cognito' || scheme.kind === 'jwt' || scheme.kind === 'lambda'
        ? scheme.tokenHeader
        : null,
    apiKeyHeader: scheme.kind === 'api-key' ? scheme.header : null,
    userPools: (scheme.kind === 'cognito'
      ? scheme.userPools
      : (scheme.kind === 'jwt' || scheme.kind === 'lambda') && scheme.userPool
        ? [scheme.userPool]
        : []
    ).map((pool) => ({
      region: pool.region ?? null,
      userPoolId: pool.userPoolId ?? null,
      raw: pool.raw,
    })),
    issuer: scheme.kind === 'jwt' ? (scheme.issuer ?? null) : null,
    audience: scheme.kind === 'jwt' ? scheme.audience : [],
    authorizerType:
      scheme.kind === 'cognito'
        ? 'cognito_user_pools'
        : scheme.kind === 'jwt'
          ? scheme.declaredAs === 'jwt-authorizer'
            ? 'jwt'
            : null
          : scheme.kind === 'unsupported' || scheme.kind === 'lambda'
            ? (scheme.lambda?.type ?? null)
            : null,
    identitySources:
      scheme.kind === 'cognito'
        ? [`method.request.header.${scheme.tokenHeader}`]
        : scheme.kind === 'jwt'
          ? [`$request.header.${scheme.tokenHeader}`]
          : scheme.kind === 'unsupported' || scheme.kind === 'lambda'
            ? (scheme.lambda?.identitySources ?? [])
            : [],
    identityValidationExpression:
      scheme.kind === 'cognito'
        ? (scheme.identityValidationExpression ?? null)
        : scheme.kind === 'unsupported' || scheme.kind === 'lambda'
          ? (scheme.lambda?.identityValidationExpression ?? null)
          : null,
    resultTtlSeconds:
      scheme.kind === 'cognito'
        ? (scheme.resultTtlSeconds ?? null)
        : scheme.kind === 'unsupported' || scheme.kind === 'lambda'
          ? (scheme.lambda?.resultTtlSeconds ?? null)
          : null,
    description: scheme.kind === 'unsupported' ? scheme.description : null,
    pointer: scheme.origin.pointer,
  };
}

/** `public` with an API key is reported as `api-key`: the key is the only credential checked. */
export function protectionLabel(operation: Operation): ProtectionLabel {
  const kind = operation.protection.kind;
  return kind === 'public' && operation.apiKey ? 'api-key' : kind;
}

function summariseOperation(operation: Operation): OperationSummary {
  const protection = operation.protection;
  const token =
    protection.kind === 'cognito' || protection.kind === 'jwt' || protection.kind === 'lambda'
      ? protection
      : undefined;
  const label = protectionLabel(operation);
  const rejection =
    label === 'cognito' || label === 'jwt' || label === 'lambda'
      ? operation.rejections.unauthorized
      : label === 'api-key'
        ? operation.rejections.invalidApiKey
        : undefined;
  return {
    id: operation.id,
    method: operation.method.toUpperCase(),
    path: operation.path,
    protection: label,
    scheme: token?.scheme ?? null,
    tokenHeader: token?.tokenHeader ?? null,
    tokenKind: token?.tokenKind ?? null,
    scopes: token?.scopes ?? [],
    apiKeyHeader: operation.apiKey?.header ?? null,
    apiKeySource: operation.apiKeyFromAuthorizer
      ? 'AUTHORIZER'
      : operation.apiKey
        ? 'HEADER'
        : null,
    checked: protection.kind !== 'unsupported',
    notChecked:
      protection.kind === 'unsupported'
        ? `no credentials gatecheck can obtain for ${protection.description}`
        : null,
    unsupported: protection.kind === 'unsupported' ? protection.description : null,
    securitySource: operation.securitySource,
    rejection: rejection === undefined ? null : summariseRejection(rejection),
    rejections: {
      unauthorized: summariseRejection(operation.rejections.unauthorized),
      expired: summariseRejection(operation.rejections.expired),
      insufficientScope: summariseRejection(operation.rejections.insufficientScope),
      invalidApiKey: summariseRejection(operation.rejections.invalidApiKey),
    },
    successStatus: operation.success.status,
    fromAnyMethod: operation.fromAnyMethod,
    greedyPath: operation.greedyPath,
    pointer: operation.origin.pointer,
  };
}

function summariseRejection(rejection: ExpectedRejection): RejectionSummary {
  return {
    status: rejection.status,
    errorType: rejection.errorType ?? null,
    body: rejection.body ?? null,
    bodyPattern: rejection.bodyPattern ?? null,
    source: rejection.source,
  };
}
