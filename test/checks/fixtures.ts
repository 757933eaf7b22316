/** Hand-built model pieces for the negative-check tests: one REST/Cognito API, tweaked per case. */
import type { ApiModel, Operation, Protection } from '../../generators/model/types.js';
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
