import { expect } from 'chai';
import { InputError } from '../../generators/errors.js';
import type { Operation } from '../../generators/model/types.js';
import { modelOf, oas3, warningCodes } from './model-of.js';

const schemes = {
  cognito: {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    'x-amazon-apigateway-authtype': 'cognito_user_pools',
    'x-amazon-apigateway-authorizer': {
      type: 'cognito_user_pools',
      providerARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123'],
    },
  },
  devToken: {
    type: 'apiKey',
    name: 'dev-auth-token',
    in: 'header',
    'x-amazon-apigateway-authtype': 'cognito_user_pools',
    'x-amazon-apigateway-authorizer': {
      providerARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123'],
    },
  },
  api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
  lambda: {
    type: 'apiKey',
    name: 'Token',
    in: 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': { type: 'request' },
  },
  jwt: {
    type: 'oauth2',
    'x-amazon-apigateway-authorizer': {
      type: 'jwt',
      identitySource: '$request.header.Authorization',
      jwtConfiguration: {
        issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
        audience: ['app'],
      },
    },
  },
};

function operationWith(
  operation: Record<string, unknown>,
  top: Record<string, unknown> = {},
): { op: Operation; codes: string[] } {
  const model = modelOf(oas3({ components: { securitySchemes: schemes }, ...top }, operation));
  return { op: model.operations[0] as Operation, codes: warningCodes(model) };
}

describe('security requirements and protection', () => {
  const cases: {
    name: string;
    given: Record<string, unknown>;
    top?: Record<string, unknown>;
    want: Partial<Operation>;
  }[] = [
    {
      name: 'Cognito without scopes → ID token',
      given: { security: [{ cognito: [] }] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'cognito',
          tokenHeader: 'Authorization',
          tokenKind: 'id',
          scopes: [],
        },
        securitySource: 'operation',
      },
    },
    {
      name: 'Cognito with scopes → access token',
      given: { security: [{ cognito: ['orders/read', 'orders/write'] }] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'cognito',
          tokenHeader: 'Authorization',
          tokenKind: 'access',
          scopes: ['orders/read', 'orders/write'],
        },
      },
    },
    {
      name: 'any token header name (dev-auth-token)',
      given: { security: [{ devToken: [] }] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'devToken',
          tokenHeader: 'dev-auth-token',
          tokenKind: 'id',
          scopes: [],
        },
      },
    },
    {
      name: 'top-level security is the default',
      given: {},
      top: { security: [{ cognito: [] }] },
      want: { securitySource: 'global', security: [[{ scheme: 'cognito', scopes: [] }]] },
    },
    {
      name: 'an operation overrides the default; security: [] is public',
      given: { security: [] },
      top: { security: [{ cognito: [] }] },
      want: { securitySource: 'operation', security: [], protection: { kind: 'public' } },
    },
    {
      name: 'no security anywhere → public, source none',
      given: {},
      want: { securitySource: 'none', protection: { kind: 'public' } },
    },
    {
      name: 'Cognito AND API key in one requirement',
      given: { security: [{ cognito: [], api_key: [] }] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'cognito',
          tokenHeader: 'Authorization',
          tokenKind: 'id',
          scopes: [],
        },
        apiKey: { header: 'x-api-key' },
      },
    },
    {
      name: 'API key only → public with a key',
      given: { security: [{ api_key: [] }] },
      want: { protection: { kind: 'public' }, apiKey: { header: 'x-api-key' } },
    },
    {
      name: 'operation-level apiKeyRequired hint',
      given: { security: [{ cognito: [] }], 'x-amazon-apigateway-api-key-required': true },
      want: { apiKey: { header: 'x-api-key' } },
    },
    {
      name: 'JWT authorizer with scopes → access token with its audience',
      given: { security: [{ jwt: ['notes/read'] }] },
      want: {
        protection: {
          kind: 'jwt',
          scheme: 'jwt',
          tokenHeader: 'Authorization',
          tokenKind: 'access',
          scopes: ['notes/read'],
          audience: ['app'],
        },
      },
    },
    {
      name: 'JWT authorizer without scopes → ID token',
      given: { security: [{ jwt: [] }] },
      want: {
        protection: {
          kind: 'jwt',
          scheme: 'jwt',
          tokenHeader: 'Authorization',
          tokenKind: 'id',
          scopes: [],
          audience: ['app'],
        },
      },
    },
    {
      name: 'only an unsupported scheme → unsupported',
      given: { security: [{ lambda: [] }] },
      want: { protection: { kind: 'unsupported', description: 'Lambda authorizer (request)' } },
    },
    {
      name: 'several alternatives → the first testable one',
      given: { security: [{ lambda: [] }, { cognito: ['s'] }] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'cognito',
          tokenHeader: 'Authorization',
          tokenKind: 'access',
          scopes: ['s'],
        },
      },
    },
    {
      name: 'an empty alternative ({}) lets anonymous callers in → public',
      given: { security: [{ cognito: [] }, {}] },
      want: { protection: { kind: 'public' } },
    },
  ];
  for (const { name, given, top, want } of cases) {
    it(name, () => {
      expect(operationWith(given, top).op).to.deep.include(want);
    });
  }

  it('notes which alternative was chosen, and anonymous access', () => {
    expect(operationWith({ security: [{ lambda: [] }, { cognito: ['s'] }] }).codes).to.include(
      'alternative-chosen',
    );
    expect(operationWith({ security: [{ cognito: [] }, {}] }).codes).to.include(
      'anonymous-allowed',
    );
  });

  it('an API key hint is ignored when the key source is AUTHORIZER', () => {
    const { op } = operationWith(
      { security: [{ cognito: [] }], apiKeyRequired: true },
      { 'x-amazon-apigateway-api-key-source': 'AUTHORIZER' },
    );
    expect(op.apiKey).to.equal(undefined);
  });

  it('keeps the token and API key headers out of the parameters', () => {
    const { op } = operationWith({
      security: [{ cognito: [], api_key: [] }],
      parameters: [
        { name: 'authorization', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'X-Api-Key', in: 'header', required: true, schema: { type: 'string' } },
        {
          name: 'X-Tenant',
          in: 'header',
          required: true,
          schema: { type: 'string', example: 't1' },
        },
      ],
    });
    expect(op.parameters).to.deep.equal([
      { name: 'X-Tenant', in: 'header', required: true, example: 't1' },
    ]);
  });

  it('security that is not a list → InputError with its pointer', () => {
    try {
      operationWith({ security: { cognito: [] } });
      expect.fail('expected an InputError');
    } catch (error) {
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).pointer).to.equal('/paths/~1things/get/security');
    }
  });
});
