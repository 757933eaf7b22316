import type { LoadedSpec } from '../load/load-spec.js';
import { isApiGatewayDocument } from './api-gateway-document.js';
import { asRecord, asString, createContext, warn } from './context.js';
import { expectedRejections } from './expected-rejections.js';
import { readGatewayResponses } from './read-gateway-responses.js';
import { readAuthz } from './read-authz.js';
import { readOperations } from './read-operations.js';
import { createSchemaStore } from './read-schemas.js';
import { readSecuritySchemes } from './read-security-schemes.js';
import { readServers } from './read-servers.js';
import { slug } from './slug.js';
import { knownPools, placeInPools } from './user-pools.js';
import { collapseRepeats } from './warnings.js';
import type { ApiModel, SecurityScheme } from './types.js';

export interface BuildModelOptions {
  /** Replaces the spec's servers: one stage at this URL. */
  baseUrl?: string;
}

/**
 * The model of one API: a pure function of the loaded document (no I/O), one reader per part of
 * the spec. Bad input throws `InputError` with the pointer; doubtful input becomes a warning.
 */
export function buildModel(spec: LoadedSpec, options: BuildModelOptions = {}): ApiModel {
  const { specVersion } = spec;
  const document = spec.document as Record<string, unknown>;
  const securityReading = isApiGatewayDocument(document) ? 'api-gateway' : 'openapi';
  const context = createContext(document, spec.source, specVersion, securityReading);

  const title = asString(asRecord(document.info)?.title)?.trim() || 'API';
  const stages = readServers(context, options.baseUrl);
  const schemes = readSecuritySchemes(context);
  const gatewayKind = readGatewayKind(document, schemes);
  const gatewayResponses = readGatewayResponses(context);
  const apiKeySource = readApiKeySource(document);
  const store = createSchemaStore();
  const rejections = expectedRejections(context, gatewayKind, gatewayResponses);
  let lambda: ReturnType<typeof expectedRejections> | undefined;
  const lambdaRejections = () =>
    (lambda ??= expectedRejections(context, gatewayKind, gatewayResponses, 'lambda'));
  const operations = readOperations(context, {
    schemes,
    apiKeySource,
    rejections,
    lambdaRejections,
    store,
  });
  const pools = knownPools(schemes, operations);
  if (pools.length > 1) {
    warn(
      context,
      'several-user-pools',
      `the authorizers trust ${pools.length} user pools: ${pools
        .map((pool, index) =>
          index === 0
            ? `pool 1 (${pool.userPoolId}) signs in with the environment's credentials`
            : `pool ${index + 1} (${pool.userPoolId}) with GATECHECK_POOL${index + 1}_USERNAME, _PASSWORD, _CLIENT_ID`,
        )
        .join('; ')}`,
      firstSchemeOf(schemes, pools[1]?.userPoolId),
    );
  }
  const placed = placeInPools(operations, schemes, pools);
  const authz = spec.authz ? readAuthz(spec.authz, placed, document) : undefined;

  return {
    title,
    slug: slug(title),
    source: spec.source,
    specVersion,
    securityReading,
    gatewayKind,
    stages,
    schemes,
    operations: placed,
    gatewayResponses,
    apiKeySource,
    schemas: store.schemas,
    warnings: collapseRepeats(context.warnings),
    ...(authz ? { authz } : {}),
    ...(pools.length > 1 ? { pools } : {}),
  };
}

/**
 * HTTP API exports carry JWT authorizers or `x-amazon-apigateway-importexport-version`
 * (docs/reference/aws-wire-behaviour.md §4).
 */
function readGatewayKind(
  document: Record<string, unknown>,
  schemes: Record<string, SecurityScheme>,
): ApiModel['gatewayKind'] {
  const jwtAuthorizer = Object.values(schemes).some(
    (scheme) => scheme.kind === 'jwt' && scheme.declaredAs === 'jwt-authorizer',
  );
  return jwtAuthorizer || document['x-amazon-apigateway-importexport-version'] !== undefined
    ? 'http'
    : 'rest';
}

/** `x-amazon-apigateway-api-key-source`: `HEADER` (the default) or `AUTHORIZER`. */
function readApiKeySource(document: Record<string, unknown>): ApiModel['apiKeySource'] {
  return asString(document['x-amazon-apigateway-api-key-source'])?.toUpperCase() === 'AUTHORIZER'
    ? 'AUTHORIZER'
    : 'HEADER';
}

/** The pointer of the first scheme that names this pool. */
function firstSchemeOf(schemes: Record<string, SecurityScheme>, userPoolId: string | undefined) {
  const scheme = Object.values(schemes).find((candidate) =>
    candidate.kind === 'cognito'
      ? candidate.userPools.some((pool) => pool.userPoolId === userPoolId)
      : candidate.kind === 'lambda' && candidate.userPool.userPoolId === userPoolId,
  );
  return scheme?.origin.pointer ?? '';
}
