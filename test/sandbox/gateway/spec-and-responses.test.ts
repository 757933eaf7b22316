import { expect } from 'chai';
import { join } from 'node:path';
import { proxyEventOf } from '../../../sandbox/gateway/proxy-event.js';
import { javaDateString, restClaims, httpClaims } from '../../../sandbox/gateway/render-claims.js';
import { restRefusalAnswer } from '../../../sandbox/gateway/rest-refusals.js';
import { gatewaySpecOf, readGatewaySpec } from '../../../sandbox/spec/read-gateway-spec.js';
import { parseSpecText } from '../../../sandbox/spec/read-spec-file.js';
import { readStage } from '../../../sandbox/spec/read-stage.js';
import { SpecError } from '../../../sandbox/spec/spec-error.js';
import type { RestProxyEvent } from '../../../sandbox/handlers/types.js';
import { gatewayExportOas3, gatewayExportSwagger2 } from '../../support/fixture-files.js';

const oas = (servers: unknown) => ({
  openapi: '3.0.1',
  info: { title: 't', version: '1' },
  servers,
  paths: {},
});

describe('sandbox spec reader and gateway answers', () => {
  it('stage: basePath variable with or without slash, server URL path, Swagger basePath, none', () => {
    const table: [Record<string, unknown>, string | undefined][] = [
      [
        oas([{ url: 'https://x/{basePath}', variables: { basePath: { default: 'prod' } } }]),
        'prod',
      ],
      [oas([{ url: 'https://x/{basePath}', variables: { basePath: { default: '/v1' } } }]), 'v1'],
      [oas([{ url: 'https://x/{basePath}', variables: { basePath: { default: '' } } }]), ''],
      [oas([{ url: 'https://abc.execute-api.eu-west-1.amazonaws.com/test' }]), 'test'],
      [oas([{ url: 'https://api.example.com' }]), undefined],
      [{ swagger: '2.0', basePath: '/prod', paths: {} }, 'prod'],
      [{ swagger: '2.0', paths: {} }, undefined],
    ];
    for (const [document, stage] of table)
      expect(readStage(document), JSON.stringify(document)).to.equal(stage);
  });

  it('bad input is a SpecError naming the file and pointer', () => {
    expect(() => parseSpecText('{ nope', 'a.json')).to.throw(SpecError, /not valid JSON or YAML/);
    expect(() => parseSpecText('title: x', 'a.yaml')).to.throw(SpecError, /neither `openapi: 3.x`/);
    try {
      gatewaySpecOf({ openapi: '3.0.1', paths: { '/a': { get: { security: {} } } } }, 'a.yaml');
      expect.fail('accepted');
    } catch (error) {
      expect(error).to.be.instanceOf(SpecError);
      expect((error as SpecError).pointer).to.equal('/paths/~1a/get/security');
    }
  });

  it('claims as a REST Lambda sees them: strings, Java dates for exp/iat, epoch auth_time', () => {
    expect(javaDateString(1718722804)).to.equal('Tue Jun 18 15:00:04 UTC 2024');
    expect(javaDateString(1717000000)).to.equal('Wed May 29 16:26:40 UTC 2024');
    const claims = restClaims({
      exp: 1718722804,
      iat: 1718636404,
      auth_time: 1718636404,
      'cognito:groups': ['admin', 'ops'],
      email_verified: true,
    });
    expect(claims).to.deep.equal({
      exp: 'Tue Jun 18 15:00:04 UTC 2024',
      iat: 'Mon Jun 17 15:00:04 UTC 2024',
      auth_time: '1718636404',
      'cognito:groups': 'admin,ops',
      email_verified: 'true',
    });
    expect(httpClaims({ exp: 1718722804, 'cognito:groups': ['a', 'b'] })).to.deep.equal({
      exp: '1718722804',
      'cognito:groups': '[a b]',
    });
  });

  it('the REST proxy event carries requestContext.authorizer.claims', () => {
    const spec = gatewaySpecOf(
      { openapi: '3.0.1', paths: { '/users/{id}': { get: { responses: {} } } } },
      'a.json',
    );
    const route = spec.routes[0];
    if (!route) throw new Error('no route');
    const event = proxyEventOf({
      kind: 'rest',
      route,
      stage: 'prod',
      method: 'GET',
      path: '/users/7',
      query: new URLSearchParams('a=1'),
      headers: { host: 'x' },
      pathParameters: { id: '7' },
      body: '',
      requestId: 'r',
      extendedRequestId: 'e',
      sourceIp: '127.0.0.1',
      claims: { sub: 's', exp: 1718722804 },
    }) as RestProxyEvent;
    expect(event.resource).to.equal('/users/{id}');
    expect(event.requestContext.path).to.equal('/prod/users/7');
    expect(event.pathParameters).to.deep.equal({ id: '7' });
    expect(event.queryStringParameters).to.deep.equal({ a: '1' });
    expect(event.requestContext.authorizer?.claims).to.deep.equal({
      sub: 's',
      exp: 'Tue Jun 18 15:00:04 UTC 2024',
    });
  });

  it('custom gateway responses: own type, then DEFAULT_4XX, with $context variables and literal headers', () => {
    const customResponses = {
      UNAUTHORIZED: {
        statusCode: 403,
        headers: { 'Access-Control-Allow-Origin': "'*'", 'X-Echo': 'method.request.header.origin' },
        templates: {
          'application/json':
            '{"error":"UNAUTHORIZED","request_id":"$context.requestId","m":"${context.error.message}"}',
        },
      },
      DEFAULT_4XX: {
        headers: {},
        templates: {
          'application/json':
            '{"Message":$context.error.messageString,"t":"$context.error.responseType"}',
        },
      },
    };
    const context = {
      requestId: 'req-1',
      extendedRequestId: 'ext',
      customResponses,
      requestHeaders: { origin: 'https://app' },
    };
    const unauthorized = restRefusalAnswer({ reason: 'unauthorized' }, context);
    expect(unauthorized.status).to.equal(403);
    expect(unauthorized.body).to.equal(
      '{"error":"UNAUTHORIZED","request_id":"req-1","m":"Unauthorized"}',
    );
    expect(unauthorized.headers['access-control-allow-origin']).to.equal('*');
    expect(unauthorized.headers['x-echo']).to.equal('https://app');
    expect(unauthorized.headers['x-amzn-errortype']).to.equal('UnauthorizedException');
    const apiKey = restRefusalAnswer({ reason: 'invalid-api-key' }, context);
    expect(apiKey.status).to.equal(403);
    expect(apiKey.body).to.equal('{"Message":"Forbidden","t":"INVALID_API_KEY"}');
  });

  it('reads an API Gateway export (OAS3, per-operation authorizer, any-method, gateway responses)', async function () {
    this.timeout(20000);
    const spec = await readGatewaySpec(gatewayExportOas3);
    expect(spec.kind).to.equal('rest');
    expect(spec.routes.filter((r) => r.method === 'ANY').map((r) => r.path)).to.have.members([
      '/{proxy+}',
      '/charts/{proxy+}',
    ]);
    const protectedStandard = spec.routes.filter(
      (r) => r.method !== 'ANY' && r.security.flat().some((q) => q.rule.kind === 'cognito'),
    );
    expect(protectedStandard).to.have.length(3);
    expect(spec.gatewayResponses.UNAUTHORIZED?.templates['application/json']).to.equal(
      '{"Message":$context.error.messageString}',
    );
    const swagger = await readGatewaySpec(gatewayExportSwagger2);
    expect(swagger.stage).to.equal('api/v1');
    expect(swagger.routes).to.have.length(3);
  });

  it('reads `swagger: 2.0` as a number, and OpenAPI 3 with Swagger securityDefinitions', async () => {
    const fixtures = new URL('../../fixtures/specs/', import.meta.url).pathname;
    const numeric = await readGatewaySpec(join(fixtures, 'swagger-number-version.yaml'));
    expect(numeric.stage).to.equal('dev');
    expect(numeric.routes[0]?.security).to.deep.equal([
      [
        {
          scheme: 'workshop-cognito',
          rule: { kind: 'cognito', header: 'Authorization', pools: ['us-east-1_Work00001'] },
          scopes: [],
        },
      ],
    ]);
    const definitions = await readGatewaySpec(
      join(fixtures, 'oas3-swagger-security-definitions.json'),
    );
    expect(definitions.routes.map((r) => r.security[0]?.[0]?.rule.kind)).to.deep.equal([
      'cognito',
      'cognito',
      'cognito',
      'cognito',
    ]);
  });

  it('AWS SAM body: NONE configures no authorizer; identitySource beats the scheme name', async () => {
    const fixtures = new URL('../../fixtures/specs/', import.meta.url).pathname;
    const spec = await readGatewaySpec(join(fixtures, 'sam-body.yaml'));
    const [privateRoute, openRoute] = spec.routes;
    expect(privateRoute?.security).to.deep.equal([
      [
        {
          scheme: 'MyCognitoAuth',
          // Both providerARNs: the authorizer trusts each pool.
          rule: {
            kind: 'cognito',
            header: 'X-Id-Token',
            pools: ['eu-west-1_PoolA0001', 'eu-west-1_PoolB0001'],
          },
          scopes: [],
        },
        { scheme: 'api_key', rule: { kind: 'api-key', header: 'x-api-key' }, scopes: [] },
      ],
    ]);
    expect(openRoute?.security).to.deep.equal([[]]);
  });
});
