import { expect } from 'chai';
import { modelOfSpec as modelOfFile } from '../support/api-model.js';

describe('models of the fixture specs', () => {
  it('Swagger 2.0 REST export: Cognito + API key, https stage from host/basePath', async () => {
    const model = await modelOfFile('rest-cognito-swagger2.json');
    expect(model).to.deep.include({
      specVersion: '2.0',
      gatewayKind: 'rest',
      apiKeySource: 'HEADER',
    });
    expect(model.stages.map((s) => [s.name, s.baseUrl])).to.deep.equal([
      ['prod', 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'],
    ]);
    const [list, create] = model.operations;
    expect(list).to.deep.include({
      id: 'listOrders',
      protection: {
        kind: 'cognito',
        scheme: 'cognito',
        tokenHeader: 'Authorization',
        tokenKind: 'id',
        scopes: [],
      },
      parameters: [{ name: 'limit', in: 'query', required: true, example: '10' }],
      success: { status: 200, contentType: 'application/json', schemaRef: 'Orders' },
    });
    expect(create).to.deep.include({
      protection: {
        kind: 'cognito',
        scheme: 'cognito',
        tokenHeader: 'Authorization',
        tokenKind: 'access',
        scopes: ['orders/write'],
      },
      apiKey: { header: 'x-api-key' },
      requestBody: { contentType: 'application/json', example: { id: 'o-1', total: 0 } },
    });
    expect(model.schemas.Order).to.deep.equal({
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, total: { type: ['number', 'null'] } },
    });
    expect(model.warnings).to.deep.equal([]);
  });

  it('OpenAPI 3.0 YAML: global default, override with scopes, public health, custom UNAUTHORIZED', async () => {
    const model = await modelOfFile('rest-cognito-oas30.yaml');
    expect(model.stages.map((s) => [s.name, s.baseUrl])).to.deep.equal([
      ['v1', 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1'],
    ]);
    expect(model.operations.map((o) => [o.id, o.protection.kind, o.securitySource])).to.deep.equal([
      ['getPet', 'cognito', 'global'],
      ['deletePet', 'cognito', 'operation'],
      ['health', 'public', 'operation'],
    ]);
    expect(model.operations[0]?.parameters).to.deep.equal([
      { name: 'petId', in: 'path', required: true, example: 'pet-42' },
    ]);
    expect(model.operations[1]?.success).to.deep.equal({ status: 204 });
    expect(model.operations[0]?.rejections.unauthorized).to.deep.equal({
      status: 401,
      errorType: 'UnauthorizedException',
      body: { error: 'Unauthorized' },
      headers: { 'access-control-allow-origin': '*' },
      source: 'UNAUTHORIZED',
    });
    expect(model.operations[0]?.rejections.invalidApiKey.source).to.equal('default');
  });

  it('OpenAPI 3.1 HTTP API: JWT authorizer, empty basePath, 403 for a missing scope', async () => {
    const model = await modelOfFile('http-jwt-oas31.json');
    expect(model).to.deep.include({ specVersion: '3.1', gatewayKind: 'http' });
    expect(model.stages.map((s) => [s.name, s.baseUrl])).to.deep.equal([
      ['default', 'https://xyz789.execute-api.us-east-2.amazonaws.com'],
    ]);
    expect(model.operations[0]?.protection).to.deep.equal({
      kind: 'jwt',
      scheme: 'cognito-jwt',
      tokenHeader: 'authorization',
      tokenKind: 'access',
      scopes: ['notes/read'],
      audience: ['4abcdefghijklmnopqrstuv123'],
    });
    expect(model.operations[0]?.rejections.insufficientScope.status).to.equal(403);
    expect(model.operations[1]?.requestBody).to.deep.equal({
      contentType: 'application/json',
      example: { text: 'string' },
    });
  });

  it('REST export without extensions=authorizers: Cognito, pool unknown', async () => {
    const model = await modelOfFile('rest-no-authorizers-ext.json');
    expect(model.operations[0]?.protection).to.deep.include({
      kind: 'cognito',
      tokenHeader: 'Authorization',
    });
    expect(model.warnings.map((w) => w.code)).to.deep.equal(['unknown-user-pool']);
  });

  it('unknown auth types are a warning, not a failure', async () => {
    const model = await modelOfFile('lambda-authorizer.json');
    expect(model.operations[0]?.protection).to.deep.equal({
      kind: 'unsupported',
      description: 'Lambda authorizer (token)',
    });
    expect(model.warnings.map((w) => w.code)).to.deep.equal(['no-servers', 'unsupported-scheme']);
  });
});

describe('models of API Gateway document shapes', () => {
  it('`swagger: 2.0` written as a number is Swagger 2.0', async () => {
    const model = await modelOfFile('swagger-number-version.yaml');
    expect(model.specVersion).to.equal('2.0');
    expect(model.stages.map((s) => s.baseUrl)).to.deep.equal([
      'https://w1x2y3z4a5.execute-api.us-east-1.amazonaws.com/dev',
    ]);
    expect(model.operations[0]?.protection).to.deep.include({ kind: 'cognito', tokenKind: 'id' });
  });

  it('OpenAPI 3 with Swagger securityDefinitions: read as API Gateway imports it, with a warning', async () => {
    const model = await modelOfFile('oas3-swagger-security-definitions.json');
    expect(model.schemes['notes-cognito']).to.deep.include({
      kind: 'cognito',
      userPools: [
        {
          region: 'eu-west-1',
          userPoolId: 'eu-west-1_Notes0001',
          raw: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Notes0001',
        },
      ],
    });
    expect(model.operations.map((o) => o.protection.kind)).to.deep.equal([
      'cognito',
      'cognito',
      'cognito',
      'cognito',
    ]);
    const warning = model.warnings.find((w) => w.code === 'swagger-security-definitions');
    expect(warning?.origin.pointer).to.equal('/securityDefinitions');
    expect(warning?.message).to.include('notes-cognito');
  });

  it('AWS SAM body: NONE is public, identitySource wins over name, several pools warned', async () => {
    const model = await modelOfFile('sam-body.yaml');
    const [privateOp, openOp] = model.operations;
    expect(privateOp?.protection).to.deep.include({ kind: 'cognito', tokenHeader: 'X-Id-Token' });
    expect(privateOp?.apiKey).to.deep.equal({ header: 'x-api-key' });
    expect(openOp?.protection).to.deep.equal({ kind: 'public' });
    // Two several-user-pools warnings: the scheme's two providerARNs, and the API's two pools
    // with the credentials pool 2 signs in with.
    expect(model.warnings.map((w) => w.code)).to.have.members([
      'identity-source-differs',
      'several-user-pools',
      'several-user-pools',
      'none-pseudo-scheme',
    ]);
    const schemes = model.schemes.MyCognitoAuth;
    expect(
      schemes?.kind === 'cognito' ? schemes.userPools.map((p) => p.userPoolId) : [],
    ).to.deep.equal(['eu-west-1_PoolA0001', 'eu-west-1_PoolB0001']);
  });

  it('Lambda TOKEN and REQUEST authorizers: identity sources, validation expression, TTL; IAM out of scope', async () => {
    const model = await modelOfFile('lambda-authorizers.json');
    const lambdaOf = (name: string) => {
      const scheme = model.schemes[name];
      return scheme?.kind === 'unsupported' ? scheme.lambda : undefined;
    };
    expect(lambdaOf('jwt-token-authorizer')).to.deep.equal({
      type: 'token',
      identitySources: ['method.request.header.Authorization'],
      identityValidationExpression: '^Bearer [-0-9a-zA-Z._]+$',
      resultTtlSeconds: 0,
    });
    expect(lambdaOf('request-authorizer')).to.deep.equal({
      type: 'request',
      identitySources: ['method.request.header.Auth', 'method.request.querystring.tenant'],
      resultTtlSeconds: 300,
    });
    expect(model.operations.map((o) => o.protection)).to.deep.equal([
      { kind: 'unsupported', description: 'Lambda authorizer (token)' },
      { kind: 'unsupported', description: 'Lambda authorizer (request)' },
      {
        kind: 'unsupported',
        description: 'AWS_IAM (sigv4), out of scope: gatecheck checks Cognito and JWT authorizers',
      },
    ]);
  });
});
