/**
 * ApiModel fixtures for plan, render and check tests: a hand-built REST/Cognito API tweaked per
 * case (`model`, `operation`), or the model gatecheck builds of a spec in test/fixtures/specs
 * (`modelOfSpec`).
 */
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import type { ApiModel, Operation, Protection } from '../../generators/model/types.js';
import { planNegativeChecks } from '../../generators/plan/plan-negative-checks.js';
import type { NegativeCheck } from '../../generators/plan/types.js';
import { httpRejections, restRejections } from '../fixtures/rejections.js';

export { httpRejections, restRejections };

export const cognitoId: Protection = {
  kind: 'cognito',
  scheme: 'cognito',
  tokenHeader: 'Authorization',
  tokenKind: 'id',
  scopes: [],
};

export const cognitoScoped: Protection = {
  kind: 'cognito',
  scheme: 'cognito',
  tokenHeader: 'Authorization',
  tokenKind: 'access',
  scopes: ['aws.cognito.signin.user.admin'],
};

export function operation(overrides: Partial<Operation> = {}): Operation {
  const method = overrides.method ?? 'get';
  const path = overrides.path ?? '/demo';
  return {
    id: `${method} ${path}`,
    method,
    path,
    tags: [],
    security: [[{ scheme: 'cognito', scopes: [] }]],
    securitySource: 'operation',
    protection: cognitoId,
    rejections: restRejections,
    parameters: [],
    success: { status: 200, contentType: 'application/json' },
    fromAnyMethod: false,
    greedyPath: false,
    origin: { file: 'api.yaml', pointer: `/paths/${path.replace(/\//g, '~1')}/${method}` },
    ...overrides,
  };
}

export function model(operations: Operation[], overrides: Partial<ApiModel> = {}): ApiModel {
  return {
    title: 'Demo API',
    slug: 'demo-api',
    source: 'api.yaml',
    specVersion: '3.0',
    securityReading: 'openapi',
    gatewayKind: 'rest',
    stages: [
      {
        name: 'prod',
        baseUrl: 'https://example.invalid/prod',
        origin: { file: 'api.yaml', pointer: '/servers/0' },
      },
    ],
    schemes: {
      cognito: {
        kind: 'cognito',
        name: 'cognito',
        tokenHeader: 'Authorization',
        userPools: [{ region: 'us-east-1', userPoolId: 'us-east-1_Example1', raw: 'arn' }],
        origin: { file: 'api.yaml', pointer: '/components/securitySchemes/cognito' },
      },
    },
    operations,
    gatewayResponses: {},
    apiKeySource: 'HEADER',
    schemas: {},
    warnings: [],
    ...overrides,
  };
}

const specs = new URL('../fixtures/specs/', import.meta.url).pathname;

/** The model gatecheck builds of `test/fixtures/specs/<name>`. */
export async function modelOfSpec(name: string): Promise<ApiModel> {
  return buildModel(await loadSpec(`${specs}${name}`));
}

/** The model's operation `id` (throws when there is none). */
export function operationOf(api: ApiModel, id: string): Operation {
  const found = api.operations.find((operation) => operation.id === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

/** The negative checks planned for `operation` (controls and public checks left out). */
export function negativesOf(api: ApiModel, operation: Operation): NegativeCheck[] {
  return planNegativeChecks(api, operation).filter(
    (check): check is NegativeCheck => check.role === 'negative',
  );
}
