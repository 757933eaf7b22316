import { expect } from 'chai';
import type { SecurityScheme } from '../../generators/model/types.js';
import { modelOf, oas3, warningCodes } from './model-of.js';

const arn = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123';

function schemeOf(scheme: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const model = modelOf(oas3({ components: { securitySchemes: { s: scheme } }, ...extra }));
  return { scheme: model.schemes.s as SecurityScheme, model };
}

describe('readSecuritySchemes', () => {
  const cognitoBase = { type: 'apiKey', name: 'Authorization', in: 'header' };

  it('REST export with extensions=authorizers: Cognito scheme with region and pool id from the ARN', () => {
    const { scheme, model } = schemeOf({
      ...cognitoBase,
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [arn] },
    });
    expect(scheme).to.deep.include({ kind: 'cognito', name: 's', tokenHeader: 'Authorization' });
    expect(scheme.kind === 'cognito' && scheme.userPools).to.deep.equal([
      { region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123', raw: arn },
    ]);
    expect(scheme.origin).to.deep.equal({
      file: 'fixture.json',
      pointer: '/components/securitySchemes/s',
    });
    expect(model.gatewayKind).to.equal('rest');
    expect(warningCodes(model)).to.deep.equal([]);
  });

  it('accepts upper-case COGNITO_USER_POOLS in authtype and authorizer.type', () => {
    for (const scheme of [
      {
        ...cognitoBase,
        'x-amazon-apigateway-authtype': 'COGNITO_USER_POOLS',
        'x-amazon-apigateway-authorizer': { providerARNs: [arn] },
      },
      {
        ...cognitoBase,
        'x-amazon-apigateway-authorizer': { type: 'COGNITO_USER_POOLS', providerARNs: [arn] },
      },
    ]) {
      expect(schemeOf(scheme).scheme.kind).to.equal('cognito');
    }
  });

  it('export without extensions=authorizers: Cognito with no pools and an unknown-user-pool warning', () => {
    const { scheme, model } = schemeOf({
      ...cognitoBase,
      name: 'dev-auth-token',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
    });
    expect(scheme).to.deep.include({
      kind: 'cognito',
      tokenHeader: 'dev-auth-token',
      userPools: [],
    });
    expect(warningCodes(model)).to.deep.equal(['unknown-user-pool']);
  });

  for (const placeholder of [
    '${UserPoolArn}',
    'REPLACE_ME',
    '<user-pool-arn>',
    'arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}',
  ]) {
    it(`placeholder ARN ${placeholder} → unknown pool + warning`, () => {
      const { scheme, model } = schemeOf({
        ...cognitoBase,
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: [placeholder],
        },
      });
      expect(scheme.kind === 'cognito' && scheme.userPools).to.deep.equal([{ raw: placeholder }]);
      expect(model.warnings[0]).to.deep.include({ code: 'unknown-user-pool' });
      expect(model.warnings[0]?.origin.pointer).to.equal(
        '/components/securitySchemes/s/x-amazon-apigateway-authorizer/providerARNs',
      );
    });
  }

  it('HTTP API JWT authorizer: issuer, audience, user pool and token header as written', () => {
    const { scheme, model } = schemeOf({
      type: 'oauth2',
      flows: {},
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource: '$request.header.authorization',
        jwtConfiguration: {
          issuer: 'https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Abc123456',
          audience: ['client1'],
        },
      },
    });
    expect(scheme).to.deep.equal({
      kind: 'jwt',
      name: 's',
      tokenHeader: 'authorization',
      issuer: 'https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Abc123456',
      audience: ['client1'],
      userPool: {
        region: 'us-east-2',
        userPoolId: 'us-east-2_Abc123456',
        raw: 'https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Abc123456',
      },
      declaredAs: 'jwt-authorizer',
      origin: { file: 'fixture.json', pointer: '/components/securitySchemes/s' },
    });
    expect(model.gatewayKind).to.equal('http');
  });

  it('a JWT authorizer with a placeholder issuer warns unknown-user-pool', () => {
    const { scheme, model } = schemeOf({
      type: 'openIdConnect',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        jwtConfiguration: { issuer: '${Issuer}', audience: [] },
      },
    });
    expect(scheme).to.deep.include({ kind: 'jwt', tokenHeader: 'Authorization' });
    expect(scheme.kind === 'jwt' && scheme.issuer).to.equal(undefined);
    expect(warningCodes(model)).to.deep.equal(['unknown-user-pool']);
  });

  it('x-amazon-apigateway-importexport-version alone makes it an HTTP API', () => {
    expect(
      modelOf(oas3({ 'x-amazon-apigateway-importexport-version': '1.0' })).gatewayKind,
    ).to.equal('http');
  });

  const plain: { given: Record<string, unknown>; want: string }[] = [
    { given: { type: 'oauth2', flows: {} }, want: 'oauth2' },
    {
      given: {
        type: 'openIdConnect',
        openIdConnectUrl:
          'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Xyz123456/.well-known/openid-configuration',
      },
      want: 'openIdConnect',
    },
    { given: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, want: 'http-bearer' },
  ];
  for (const { given, want } of plain) {
    it(`plain ${want} scheme → JWT scheme declared as ${want}, REST gateway`, () => {
      const { scheme, model } = schemeOf(given);
      expect(scheme).to.deep.include({
        kind: 'jwt',
        declaredAs: want,
        tokenHeader: 'Authorization',
      });
      expect(model.gatewayKind).to.equal('rest');
    });
  }

  it('openIdConnect on a Cognito discovery URL yields the issuer and pool', () => {
    const { scheme } = schemeOf(plain[1]!.given);
    expect(scheme.kind === 'jwt' && scheme.userPool?.userPoolId).to.equal('eu-west-1_Xyz123456');
  });

  const unsupported: { given: Record<string, unknown>; want: string }[] = [
    {
      given: {
        ...cognitoBase,
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': { type: 'token' },
      },
      want: 'Lambda authorizer (token)',
    },
    {
      given: {
        ...cognitoBase,
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': { type: 'request' },
      },
      want: 'Lambda authorizer (request)',
    },
    {
      given: { ...cognitoBase, 'x-amazon-apigateway-authtype': 'awsSigv4' },
      want: 'AWS_IAM (sigv4), out of scope: gatecheck checks Cognito and JWT authorizers',
    },
    { given: { type: 'http', scheme: 'basic' }, want: 'http basic' },
    { given: { type: 'apiKey', name: 'key', in: 'query' }, want: 'API key in query' },
  ];
  for (const { given, want } of unsupported) {
    it(`${want} → unsupported scheme + warning`, () => {
      const { scheme, model } = schemeOf(given);
      expect(scheme).to.deep.include({ kind: 'unsupported', description: want });
      expect(warningCodes(model)).to.deep.equal(['unsupported-scheme']);
    });
  }

  it('an apiKey scheme without the Cognito authtype is an API key, header from its name', () => {
    expect(schemeOf({ type: 'apiKey', name: 'x-api-key', in: 'header' }).scheme).to.deep.include({
      kind: 'api-key',
      header: 'x-api-key',
    });
  });

  it('Swagger 2.0 securityDefinitions are read the same way', () => {
    const model = modelOf({
      swagger: '2.0',
      info: { title: 'x', version: '1' },
      paths: {},
      securityDefinitions: {
        c: {
          ...cognitoBase,
          'x-amazon-apigateway-authtype': 'cognito_user_pools',
          'x-amazon-apigateway-authorizer': { providerARNs: [arn] },
        },
      },
    });
    expect(model.schemes.c).to.deep.include({ kind: 'cognito' });
    expect(model.schemes.c?.origin.pointer).to.equal('/securityDefinitions/c');
  });
});
