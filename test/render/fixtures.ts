/** Hand-built models for render and plan tests (no spec loading involved). */
import type { ApiModel, Operation } from '../../generators/model/types.js';
import { restRejections } from '../fixtures/rejections.js';

const origin = { file: 'demo.yaml', pointer: '/paths/~1demo/get' };

export { restRejections };

export function operation(overrides: Partial<Operation>): Operation {
  return {
    id: 'getDemo',
    method: 'get',
    path: '/demo',
    tags: [],
    security: [[{ scheme: 'cognito', scopes: ['aws.cognito.signin.user.admin'] }]],
    securitySource: 'operation',
    protection: {
      kind: 'cognito',
      scheme: 'cognito',
      tokenHeader: 'Authorization',
      tokenKind: 'access',
      scopes: ['aws.cognito.signin.user.admin'],
    },
    rejections: restRejections,
    parameters: [],
    success: { status: 200, contentType: 'application/json', schemaRef: 'Greeting' },
    fromAnyMethod: false,
    greedyPath: false,
    origin,
    ...overrides,
  };
}

export const demoModel: ApiModel = {
  title: 'lab demo',
  slug: 'lab-demo',
  source: 'demo.yaml',
  specVersion: '3.0',
  securityReading: 'api-gateway',
  gatewayKind: 'rest',
  stages: [
    { name: 'prod', baseUrl: 'https://abc.execute-api.us-east-1.amazonaws.com/prod', origin },
  ],
  schemes: {
    cognito: {
      kind: 'cognito',
      name: 'cognito',
      tokenHeader: 'Authorization',
      userPools: [
        {
          region: 'us-east-1',
          userPoolId: 'us-east-1_Demo00001',
          raw: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Demo00001',
        },
      ],
      origin,
    },
  },
  operations: [operation({})],
  gatewayResponses: {},
  apiKeySource: 'HEADER',
  schemas: {
    Greeting: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' } },
    },
  },
  warnings: [],
};
