import { Ajv } from 'ajv';
import { expect } from 'chai';
import { modelOf, oas3 } from './model-of.js';

function responseSchemaModel(schema: unknown, schemas: Record<string, unknown>, openapi = '3.0.1') {
  return modelOf(
    oas3({
      openapi,
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema } } },
            },
          },
          post: {
            operationId: 'makeThing',
            responses: {
              '201': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
              },
            },
          },
        },
      },
      components: { schemas },
    }),
  );
}

/** Compiles like the collection will: `{ definitions }` once, `$ref` per response. */
function validator(schemas: Record<string, unknown>, key: string) {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  ajv.addSchema({ $id: 'gatecheck', definitions: schemas });
  return ajv.compile({ $ref: `gatecheck#/definitions/${key}` });
}

describe('readSchemas', () => {
  it('stores only schemas reachable from success responses, once each, keyed by component name', () => {
    const model = responseSchemaModel(
      { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
      {
        Thing: { type: 'object', properties: { owner: { $ref: '#/components/schemas/User' } } },
        User: { type: 'object' },
        Unused: { type: 'string' },
      },
    );
    expect(Object.keys(model.schemas).sort()).to.deep.equal([
      'Thing',
      'User',
      'listThings.response',
    ]);
    expect(model.schemas['listThings.response']).to.deep.equal({
      type: 'array',
      items: { $ref: '#/definitions/Thing' },
    });
    expect(model.schemas.Thing).to.deep.equal({
      type: 'object',
      properties: { owner: { $ref: '#/definitions/User' } },
    });
    expect(model.operations.map((o) => o.success.schemaRef)).to.deep.equal([
      'listThings.response',
      'Thing',
    ]);
  });

  it('converts OpenAPI-only keywords to draft-07', () => {
    const model = responseSchemaModel(
      { $ref: '#/components/schemas/Thing' },
      {
        Thing: {
          type: 'object',
          example: { a: 1 },
          xml: { name: 'thing' },
          externalDocs: { url: 'https://x' },
          'x-internal': true,
          properties: {
            example: { type: 'string', nullable: true, format: 'int64' },
            size: { type: 'number', minimum: 0, exclusiveMinimum: true, format: 'double' },
            when: { type: 'string', format: 'date-time', readOnly: true },
            pet: {
              oneOf: [{ $ref: '#/components/schemas/Thing' }],
              discriminator: { propertyName: 'kind' },
            },
            maybe: { allOf: [{ $ref: '#/components/schemas/Thing' }], nullable: true },
          },
        },
      },
    );
    expect(model.schemas.Thing).to.deep.equal({
      type: 'object',
      properties: {
        example: { type: ['string', 'null'] },
        size: { type: 'number', exclusiveMinimum: 0 },
        when: { type: 'string', format: 'date-time', readOnly: true },
        pet: { anyOf: [{ $ref: '#/definitions/Thing' }] },
        maybe: { anyOf: [{ allOf: [{ $ref: '#/definitions/Thing' }] }, { type: 'null' }] },
      },
    });
    const validate = validator(model.schemas, 'Thing');
    expect(validate({ example: null, size: 1 })).to.equal(true);
    expect(validate({ size: 0 })).to.equal(false);
  });

  it('circular schemas are stored once and validate', () => {
    const model = responseSchemaModel(
      { $ref: '#/components/schemas/Node' },
      {
        Node: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
        },
        Thing: { type: 'object' },
      },
    );
    expect(model.schemas.Node).to.deep.equal({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/definitions/Node' } } },
    });
    expect(validator(model.schemas, 'Node')({ children: [{ children: [] }] })).to.equal(true);
    expect(validator(model.schemas, 'Node')({ children: [{ children: 'no' }] })).to.equal(false);
  });

  it('OpenAPI 3.1: type lists kept, $ref siblings applied', () => {
    const model = responseSchemaModel(
      { $ref: '#/components/schemas/Thing', description: 'x', required: ['id'] },
      { Thing: { type: ['object', 'null'] } },
      '3.1.0',
    );
    expect(model.schemas['listThings.response']).to.deep.equal({
      allOf: [{ $ref: '#/definitions/Thing' }],
      description: 'x',
      required: ['id'],
    });
    expect(model.schemas.Thing).to.deep.equal({ type: ['object', 'null'] });
  });
});
