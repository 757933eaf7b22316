/** Hand-built models for render and plan tests (no spec loading involved): the lab demo API. */
import type { ApiModel, Operation } from '../../generators/model/types.js';
import { restRejections } from '../fixtures/rejections.js';
import { model, operation as demoOperation } from '../support/api-model.js';

const origin = { file: 'demo.yaml', pointer: '/paths/~1demo/get' };

export { restRejections };

/** GET /demo with an access token and the user-admin scope, answering a Greeting. */
export function operation(overrides: Partial<Operation>): Operation {
  return demoOperation({
    id: 'getDemo',
    security: [[{ scheme: 'cognito', scopes: ['aws.cognito.signin.user.admin'] }]],
    protection: {
      kind: 'cognito',
      scheme: 'cognito',
      tokenHeader: 'Authorization',
      tokenKind: 'access',
      scopes: ['aws.cognito.signin.user.admin'],
    },
    success: { status: 200, contentType: 'application/json', schemaRef: 'Greeting' },
    origin,
    ...overrides,
  });
}

export const demoModel: ApiModel = model([operation({})], {
  title: 'lab demo',
  slug: 'lab-demo',
  source: 'demo.yaml',
  securityReading: 'api-gateway',
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
  schemas: {
    Greeting: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' } },
    },
  },
});
