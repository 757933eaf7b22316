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

/** Schemes of a plain OpenAPI document (no API Gateway extension anywhere): OR semantics apply. */
const plainSchemes = {
  bearer: { type: 'http', scheme: 'bearer' },
  basic: { type: 'http', scheme: 'basic' },
  api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
};

function plainOperationWith(operation: Record<string, unknown>): {
  op: Operation;
  codes: string[];
} {
  const model = modelOf(oas3({ components: { securitySchemes: plainSchemes } }, operation));
  expect(model.securityReading).to.equal('openapi');
  return { op: model.operations[0] as Operation, codes: warningCodes(model) };
}

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
      name: 'API Gateway document: authorizer and API key as two entries → both apply',
      given: { security: [{ cognito: [] }, { api_key: [] }] },
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
      name: 'API Gateway document: the key entry first, scopes kept',
      given: { security: [{ api_key: [] }, { cognito: ['orders/read'] }] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'cognito',
          tokenHeader: 'Authorization',
          tokenKind: 'access',
          scopes: ['orders/read'],
        },
        apiKey: { header: 'x-api-key' },
      },
    },
    {
      name: 'API Gateway document: several authorizers → the first listed',
      given: { security: [{ lambda: [] }, { cognito: ['s'] }] },
      want: { protection: { kind: 'unsupported', description: 'Lambda authorizer (request)' } },
    },
    {
      name: 'API Gateway document: an empty entry adds nothing, the authorizer applies',
      given: { security: [{ cognito: [] }, {}] },
      want: {
        protection: {
          kind: 'cognito',
          scheme: 'cognito',
          tokenHeader: 'Authorization',
          tokenKind: 'id',
          scopes: [],
        },
      },
    },
    {
      name: 'API Gateway document: [{}] alone is public',
      given: { security: [{}] },
      want: { protection: { kind: 'public' } },
    },
  ];
  for (const { name, given, top, want } of cases) {
    it(name, () => {
      expect(operationWith(given, top).op).to.deep.include(want);
    });
  }

  it('API Gateway document: warns about several authorizers, naming the one checked', () => {
    const model = modelOf(
      oas3(
        { components: { securitySchemes: schemes } },
        { security: [{ cognito: [] }, { jwt: [] }, { api_key: [] }] },
      ),
    );
    expect(model.securityReading).to.equal('api-gateway');
    const warning = model.warnings.find((w) => w.code === 'several-authorizers');
    expect(warning?.message).to.equal(
      'GET /things: security names 2 authorizers (cognito, jwt) but an API Gateway method has one: checked with cognito, the first listed',
    );
    expect(warning?.origin.pointer).to.equal('/paths/~1things/get/security');
    expect(model.operations[0]?.apiKey).to.deep.equal({ header: 'x-api-key' });
    expect(operationWith({ security: [{ cognito: [] }, {}] }).codes).to.include(
      'anonymous-ignored',
    );
  });

  describe('plain OpenAPI document: security is an OR of alternatives', () => {
    it('several alternatives → the first testable one, noted', () => {
      const { op, codes } = plainOperationWith({ security: [{ basic: [] }, { bearer: ['s'] }] });
      expect(op.protection).to.deep.include({ kind: 'jwt', scheme: 'bearer', scopes: ['s'] });
      expect(codes).to.include('alternative-chosen');
    });

    it('a token entry OR a key entry: the key is not required', () => {
      const { op } = plainOperationWith({ security: [{ bearer: [] }, { api_key: [] }] });
      expect(op.protection).to.deep.include({ kind: 'jwt', scheme: 'bearer' });
      expect(op.apiKey).to.equal(undefined);
    });

    it('an empty alternative ({}) lets anonymous callers in → public, noted', () => {
      const { op, codes } = plainOperationWith({ security: [{ bearer: [] }, {}] });
      expect(op.protection).to.deep.equal({ kind: 'public' });
      expect(codes).to.include('anonymous-allowed');
    });
  });

  it('an API key hint is ignored when the key source is AUTHORIZER', () => {
    const { op } = operationWith(
      { security: [{ cognito: [] }], apiKeyRequired: true },
      { 'x-amazon-apigateway-api-key-source': 'AUTHORIZER' },
    );
    expect(op.apiKey).to.equal(undefined);
  });

  it('key source AUTHORIZER: an api_key entry sends no header and says where the key comes from', () => {
    const model = modelOf(
      oas3(
        {
          components: { securitySchemes: schemes },
          'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
        },
        { security: [{ cognito: [] }, { api_key: [] }] },
      ),
    );
    const op = model.operations[0];
    expect(op?.apiKey).to.equal(undefined);
    expect(op?.apiKeyFromAuthorizer).to.equal(true);
    expect(op?.protection.kind).to.equal('cognito');
    expect(warningCodes(model)).to.include('api-key-from-authorizer');
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
