import { expect } from 'chai';
import type { Operation } from '../../generators/model/types.js';
import { modelOf, oas3, warningCodes } from './model-of.js';

const ok = { '200': { description: 'ok' } };

describe('readOperations', () => {
  it('x-amazon-apigateway-any-method → GET, POST, PUT, PATCH, DELETE; greedy {proxy+} probe; one warning per path', () => {
    const model = modelOf(
      oas3({
        paths: {
          '/{proxy+}': {
            'x-amazon-apigateway-any-method': {
              parameters: [
                { name: 'proxy', in: 'path', required: true, schema: { type: 'string' } },
              ],
              security: [{ c: [] }],
              responses: ok,
            },
          },
        },
        components: {
          securitySchemes: {
            c: {
              type: 'apiKey',
              name: 'Authorization',
              in: 'header',
              'x-amazon-apigateway-authtype': 'cognito_user_pools',
            },
          },
        },
      }),
    );
    expect(model.operations.map((o) => o.method)).to.deep.equal([
      'get',
      'post',
      'put',
      'patch',
      'delete',
    ]);
    expect(model.operations.every((o) => o.fromAnyMethod && o.greedyPath)).to.equal(true);
    expect(model.operations[0]).to.deep.include({
      id: 'GET /{proxy+}',
      parameters: [{ name: 'proxy', in: 'path', required: true, example: 'gatecheck/probe' }],
    });
    expect(warningCodes(model).filter((c) => c === 'any-method-expanded')).to.have.length(1);
  });

  it('parameters: path always, query and header only when required; examples from the spec, else samples', () => {
    const model = modelOf(
      oas3({
        paths: {
          '/users/{id}/{kind}/{n}': {
            parameters: [
              {
                name: 'id',
                in: 'path',
                required: true,
                schema: { type: 'string' },
                example: 'u-1',
              },
            ],
            get: {
              parameters: [
                {
                  name: 'kind',
                  in: 'path',
                  required: true,
                  schema: { type: 'string', enum: ['admin', 'user'] },
                },
                { name: 'n', in: 'path', required: true, schema: { type: 'integer' } },
                {
                  name: 'q',
                  in: 'query',
                  required: true,
                  examples: { first: { value: ['a', 'b'] } },
                  schema: { type: 'array' },
                },
                { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
                {
                  name: 'X-Trace',
                  in: 'header',
                  required: true,
                  schema: { $ref: '#/components/schemas/Trace' },
                },
              ],
              responses: ok,
            },
          },
        },
        components: { schemas: { Trace: { type: 'string', default: 'trace-1' } } },
      }),
    );
    expect(model.operations[0]?.parameters).to.deep.equal([
      { name: 'id', in: 'path', required: true, example: 'u-1' },
      { name: 'kind', in: 'path', required: true, example: 'admin' },
      { name: 'n', in: 'path', required: true, example: '0' },
      { name: 'q', in: 'query', required: true, example: 'a,b' },
      { name: 'X-Trace', in: 'header', required: true, example: 'trace-1' },
    ]);
  });

  it('request body: the example when given, else a schema-valid sample; JSON preferred', () => {
    const body = (content: Record<string, unknown>) =>
      modelOf(oas3({ paths: { '/things': { post: { requestBody: { content }, responses: ok } } } }))
        .operations[0]?.requestBody;
    expect(
      body({ 'text/plain': { example: 'x' }, 'application/json': { example: { a: 1 } } }),
    ).to.deep.equal({ contentType: 'application/json', example: { a: 1 } });
    expect(
      body({
        'application/json': {
          schema: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: 'string', example: 'Rex' },
              id: { type: 'string', readOnly: true },
            },
          },
        },
      }),
    ).to.deep.equal({ contentType: 'application/json', example: { name: 'Rex' } });
  });

  it('success: the lowest documented 2xx, its content type and schema key', () => {
    const model = modelOf(
      oas3({
        paths: {
          '/things': {
            post: {
              responses: {
                '202': {
                  description: 'accepted',
                  content: { 'application/json': { schema: { type: 'string' } } },
                },
                '201': {
                  description: 'created',
                  content: {
                    'text/plain': {},
                    'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
                  },
                },
                '400': { description: 'bad' },
              },
            },
            get: { responses: { default: { description: 'x' } } },
          },
        },
        components: { schemas: { Thing: { type: 'object' } } },
      }),
    );
    expect(model.operations[0]?.success).to.deep.equal({
      status: 201,
      contentType: 'application/json',
      schemaRef: 'Thing',
    });
    expect(model.operations[1]?.success).to.deep.equal({ status: 200 });
  });

  it('Swagger 2.0: body parameter, consumes/produces, 2xx schema', () => {
    const model = modelOf({
      swagger: '2.0',
      info: { title: 'x', version: '1' },
      produces: ['application/json'],
      paths: {
        '/orders': {
          post: {
            operationId: 'createOrder',
            parameters: [
              {
                name: 'body',
                in: 'body',
                schema: { type: 'object', properties: { id: { type: 'string', example: 'o-1' } } },
              },
            ],
            responses: { '201': { description: 'ok', schema: { $ref: '#/definitions/Order' } } },
          },
        },
      },
      definitions: { Order: { type: 'object' } },
    });
    const op = model.operations[0] as Operation;
    expect(op.requestBody).to.deep.equal({
      contentType: 'application/json',
      example: { id: 'o-1' },
    });
    expect(op.success).to.deep.equal({
      status: 201,
      contentType: 'application/json',
      schemaRef: 'Order',
    });
  });

  it('warns about public write operations and security placed where API Gateway ignores it', () => {
    const model = modelOf(
      oas3({
        paths: {
          '/things': {
            security: [{ c: [] }],
            delete: {
              responses: ok,
              'x-amazon-apigateway-integration': { type: 'mock', security: [{ c: [] }] },
            },
          },
        },
      }),
    );
    expect(model.warnings.map((w) => [w.code, w.origin.pointer])).to.deep.equal([
      ['security-ignored-location', '/paths/~1things/security'],
      [
        'security-ignored-location',
        '/paths/~1things/delete/x-amazon-apigateway-integration/security',
      ],
      ['public-write-operation', '/paths/~1things/delete'],
    ]);
  });

  it('operation ids: operationId, else "<METHOD> <path>"; repeats made unique', () => {
    const model = modelOf(
      oas3({
        paths: {
          '/a': {
            get: { operationId: 'same', responses: ok },
            post: { operationId: 'same', responses: ok },
          },
          '/b': { get: { responses: ok } },
        },
      }),
    );
    expect(model.operations.map((o) => o.id)).to.deep.equal(['same', 'same-2', 'GET /b']);
  });

  it('keeps title, slug, source and spec version', () => {
    const model = modelOf(oas3({ info: { title: 'Users API (v2)', version: '1' } }));
    expect(model).to.deep.include({
      title: 'Users API (v2)',
      slug: 'users-api-v2',
      source: 'fixture.json',
      specVersion: '3.0',
    });
  });
});
