import { expect } from 'chai';
import type { ApiModel, ExpectedRejections } from '../../generators/model/types.js';
import { modelOf, oas3 } from './model-of.js';

function withResponses(
  responses: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): ApiModel {
  return modelOf(oas3({ 'x-amazon-apigateway-gateway-responses': responses, ...extra }));
}

function rejectionsOf(model: ApiModel): ExpectedRejections {
  return model.operations[0]!.rejections;
}

describe('expected rejections', () => {
  it('REST defaults (docs/reference/aws-wire-behaviour.md §2.2)', () => {
    expect(rejectionsOf(modelOf(oas3()))).to.deep.equal({
      unauthorized: {
        status: 401,
        errorType: 'UnauthorizedException',
        body: { message: 'Unauthorized' },
        source: 'default',
      },
      expired: {
        status: 401,
        errorType: 'UnauthorizedException',
        body: { message: 'The incoming token has expired' },
        source: 'default',
      },
      insufficientScope: {
        status: 401,
        errorType: 'UnauthorizedException',
        body: { message: 'Unauthorized' },
        source: 'default',
      },
      invalidApiKey: {
        status: 403,
        errorType: 'ForbiddenException',
        body: { message: 'Forbidden' },
        source: 'default',
      },
    });
  });

  it('HTTP API defaults: no x-amzn-ErrorType, missing scope 403, custom responses ignored', () => {
    const model = withResponses(
      { UNAUTHORIZED: { statusCode: 418 } },
      { 'x-amazon-apigateway-importexport-version': '1.0' },
    );
    expect(rejectionsOf(model)).to.deep.equal({
      unauthorized: { status: 401, body: { message: 'Unauthorized' }, source: 'default' },
      expired: { status: 401, body: { message: 'Unauthorized' }, source: 'default' },
      insufficientScope: { status: 403, body: { message: 'Forbidden' }, source: 'default' },
      invalidApiKey: { status: 403, body: { message: 'Forbidden' }, source: 'default' },
    });
  });

  it('UNAUTHORIZED override: status, literal headers, template with messageString (expired included)', () => {
    const model = withResponses({
      UNAUTHORIZED: {
        statusCode: '401',
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
          'gatewayresponse.header.X-Origin': 'method.request.header.origin',
        },
        responseTemplates: {
          'application/json':
            '{"Message":$context.error.messageString,"type":"$context.error.responseType"}',
        },
      },
    });
    const { unauthorized, expired, invalidApiKey } = rejectionsOf(model);
    expect(unauthorized).to.deep.equal({
      status: 401,
      errorType: 'UnauthorizedException',
      body: { Message: 'Unauthorized', type: 'UNAUTHORIZED' },
      headers: { 'access-control-allow-origin': '*' },
      source: 'UNAUTHORIZED',
    });
    expect(expired.body).to.deep.equal({
      Message: 'The incoming token has expired',
      type: 'UNAUTHORIZED',
    });
    expect(invalidApiKey.source).to.equal('default');
    expect(model.gatewayResponses.UNAUTHORIZED).to.deep.include({
      statusCode: 401,
      headers: { 'access-control-allow-origin': '*' },
    });
  });

  it('DEFAULT_4XX applies (status and template) to every 4xx type not overridden itself', () => {
    const model = withResponses({
      DEFAULT_4XX: {
        statusCode: 400,
        responseTemplates: { 'application/json': '{"error":"$context.error.message"}' },
      },
      INVALID_API_KEY: { statusCode: 429 },
    });
    const { unauthorized, invalidApiKey } = rejectionsOf(model);
    expect(unauthorized).to.deep.equal({
      status: 400,
      errorType: 'UnauthorizedException',
      body: { error: 'Unauthorized' },
      source: 'DEFAULT_4XX',
    });
    // Overridden without a template: AWS's default template stays.
    expect(invalidApiKey).to.deep.equal({
      status: 429,
      errorType: 'ForbiddenException',
      body: { message: 'Forbidden' },
      source: 'INVALID_API_KEY',
    });
  });

  it('a per-request value ($context.requestId) → no exact body, a pattern, one warning', () => {
    const model = withResponses({
      UNAUTHORIZED: {
        responseTemplates: {
          'application/json':
            '{"error": "UNAUTHORIZED", "code": "UNAUTHORIZED", "request_id": "$context.requestId"}',
        },
      },
    });
    const { unauthorized } = rejectionsOf(model);
    expect(unauthorized.body).to.equal(undefined);
    const pattern = new RegExp(unauthorized.bodyPattern ?? 'x^');
    expect(
      pattern.test(
        '{"error": "UNAUTHORIZED", "code": "UNAUTHORIZED", "request_id": "c0ffee-1234"}',
      ),
    ).to.equal(true);
    expect(pattern.test('{"message":"Unauthorized"}')).to.equal(false);
    const warnings = model.warnings.filter((w) => w.code === 'unresolved-response-template');
    expect(warnings).to.have.length(1);
    expect(warnings[0]?.origin.pointer).to.equal(
      '/x-amazon-apigateway-gateway-responses/UNAUTHORIZED/responseTemplates/application~1json',
    );
  });

  it('VTL directives → neither body nor pattern, and a warning', () => {
    const model = withResponses({
      UNAUTHORIZED: { responseTemplates: { 'application/json': '#set($m = "x"){"m":"$m"}' } },
    });
    const { unauthorized } = rejectionsOf(model);
    expect(unauthorized).to.deep.equal({
      status: 401,
      errorType: 'UnauthorizedException',
      source: 'UNAUTHORIZED',
    });
    expect(model.warnings.map((w) => w.code)).to.include('unresolved-response-template');
  });
});
