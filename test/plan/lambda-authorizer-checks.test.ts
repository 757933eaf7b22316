/**
 * The checks of the shapes only a Lambda authorizer or a Cognito authorizer's
 * identityValidationExpression have, planned from small fixture specs.
 */
import { expect } from 'chai';
import { buildModel } from '../../generators/model/build-model.js';
import { planPositiveChecks } from '../../generators/plan/plan-positive-checks.js';
import {
  modelOfSpec as modelOf,
  negativesOf as negatives,
  operationOf,
} from '../support/api-model.js';

const unauthorized = {
  status: 401,
  errorType: 'UnauthorizedException',
  body: { message: 'Unauthorized' },
  source: 'default',
};

describe('Cognito authorizer with identityValidationExpression', () => {
  it('ID-token method: aud-not-matching sends the other app client ID token and expects 401', async () => {
    const model = await modelOf('cognito-validation-expression.json');
    const check = negatives(model, operationOf(model, 'GET /me')).find(
      (c) => c.kind === 'aud-not-matching',
    );
    expect(check?.token).to.deep.equal({
      from: 'variable',
      variable: 'otherClientToken',
      mint: { tokenUse: 'id', client: 'other' },
      audNotMatching: '1example23456789abcdefghij',
    });
    expect(check?.expect).to.deep.equal(unauthorized);
  });

  it('access-token method (scopes): no aud-not-matching check, access tokens carry no aud', async () => {
    const model = await modelOf('cognito-validation-expression.json');
    const kinds = negatives(model, operationOf(model, 'GET /orders')).map((c) => c.kind);
    expect(kinds).to.include('missing-scope');
    expect(kinds).to.not.include('aud-not-matching');
  });
});

describe('Lambda TOKEN authorizer verifying Cognito tokens (x-gatecheck-cognito)', () => {
  it('is checked: positive with the ID token, the forgery catalogue, expression-mismatch', async () => {
    const model = await modelOf('lambda-cognito-token.json');
    const operation = operationOf(model, 'GET /orders');
    expect(operation.protection).to.deep.include({
      kind: 'lambda',
      tokenHeader: 'Authorization',
      tokenKind: 'id',
      authorizerType: 'token',
    });
    const [positive] = planPositiveChecks(model, operation);
    expect(positive?.token).to.deep.equal({ from: 'captured', kind: 'id' });
    const checks = negatives(model, operation);
    expect(checks.map((c) => c.name.slice(c.name.indexOf(' · ') + 3))).to.deep.equal([
      'no-token',
      'empty-token',
      'bearer-empty',
      'bearer-garbage',
      'not-a-jwt',
      'signature-altered',
      'claims-edited',
      'alg-none (none)',
      'alg-none (None)',
      'alg-none (NONE)',
      'alg-none (nOnE)',
      'signature-stripped',
      'hs256-empty-secret',
      'hs256-public-key',
      'foreign-key',
      'expired',
      'wrong-token-type',
      'other-pool',
      'expression-mismatch (<token>)',
    ]);
    expect(checks.every((c) => c.authorizer === 'lambda')).to.equal(true);
  });

  it('forged tokens are distinct per check; expired is 401 Unauthorized, not Cognito text', async () => {
    const model = await modelOf('lambda-cognito-token.json');
    const checks = negatives(model, operationOf(model, 'GET /orders'));
    const forged = checks.filter(
      (c) => c.token.from === 'forged' && c.kind !== 'expression-mismatch',
    );
    expect(forged).to.have.length(9);
    expect(forged.every((c) => c.token.from === 'forged' && c.token.distinct === true)).to.equal(
      true,
    );
    expect(checks.find((c) => c.kind === 'expired')?.expect).to.deep.equal(unauthorized);
  });
});

describe('Lambda REQUEST authorizer verifying Cognito tokens', () => {
  it('sends every identity source; identity-source-missing leaves one out', async () => {
    const model = await modelOf('lambda-cognito-request.json');
    const operation = operationOf(model, 'GET /reports');
    const [positive] = planPositiveChecks(model, operation);
    expect(positive).to.deep.include({
      tokenHeader: 'X-Token',
      query: { tenant: 'acme' },
      headers: { 'X-Device': 'gatecheck' },
      apiKey: { header: 'x-api-key', value: 'variable' },
    });
    const checks = negatives(model, operation);
    const missing = checks.filter((c) => c.kind === 'identity-source-missing');
    expect(missing.map((c) => c.name)).to.deep.equal([
      'GET /reports · identity-source-missing (query tenant)',
      'GET /reports · identity-source-missing (header X-Device)',
    ]);
    expect(missing[0]).to.deep.include({ query: {}, headers: { 'X-Device': 'gatecheck' } });
    expect(missing[1]).to.deep.include({ query: { tenant: 'acme' }, headers: {} });
    expect(missing.every((c) => c.token.from === 'captured')).to.equal(true);
  });

  it('a valid access token without the scopes: the explicit deny', async () => {
    const model = await modelOf('lambda-cognito-request.json');
    const check = negatives(model, operationOf(model, 'GET /reports')).find(
      (c) => c.kind === 'missing-scope',
    );
    expect(check?.expect).to.deep.equal({
      status: 403,
      errorType: 'AccessDeniedException',
      body: { message: 'User is not authorized to access this resource with an explicit deny' },
      source: 'default',
    });
  });
});

describe('x-gatecheck-cognito as bad input', () => {
  const broken = (extension: unknown) => ({
    openapi: '3.0.1',
    info: { title: 'broken', version: '1' },
    paths: {},
    components: {
      securitySchemes: {
        verify: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'custom',
          'x-amazon-apigateway-authorizer': { type: 'token' },
          'x-gatecheck-cognito': extension,
        },
      },
    },
  });
  const cases: Array<{ given: string; extension: unknown; pointer: string }> = [
    {
      given: 'no userPool',
      extension: { tokenKind: 'id' },
      pointer: '/components/securitySchemes/verify/x-gatecheck-cognito',
    },
    {
      given: 'an unknown tokenKind',
      extension: { userPool: 'eu-west-1_AbCdEf123', tokenKind: 'refresh' },
      pointer: '/components/securitySchemes/verify/x-gatecheck-cognito/tokenKind',
    },
    {
      given: 'scopes with ID tokens',
      extension: {
        userPool: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123',
        tokenKind: 'id',
        scopes: ['a/b'],
      },
      pointer: '/components/securitySchemes/verify/x-gatecheck-cognito/scopes',
    },
  ];
  it('a bare user pool id names the pool', () => {
    const model = buildModel({
      document: broken({ userPool: 'eu-west-1_AbCdEf123', tokenKind: 'id' }),
      source: 'api.json',
    } as never);
    const scheme = model.schemes.verify;
    expect(scheme?.kind === 'lambda' ? scheme.userPool : undefined).to.include({
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbCdEf123',
    });
  });

  for (const { given, extension, pointer } of cases) {
    it(`${given}: an InputError naming the pointer`, () => {
      expect(() => buildModel({ document: broken(extension), source: 'api.json' } as never))
        .to.throw()
        .with.property('pointer', pointer);
    });
  }
});
