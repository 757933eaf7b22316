/**
 * A synthetic API Gateway export of `count` operations behind one Cognito user pool authorizer, as
 * a real CRUD API has them: per resource a list and a create, a read, an update and a delete, some
 * methods with a scope (access token), one resource behind an API key, a JSON response schema.
 */
export function syntheticExport(count: number, title = 'bench-api'): string {
  const paths: Record<string, Record<string, unknown>> = {};
  const item = { $ref: '#/components/schemas/Item' };
  const json = (schema: unknown, example: unknown) => ({
    'application/json': { schema, example },
  });
  const methods = ['get', 'post', 'get-one', 'put', 'delete'] as const;
  for (let index = 0; index < count; index += 1) {
    const resource = `/things${Math.floor(index / methods.length) + 1}`;
    const kind = methods[index % methods.length]!;
    const one = kind === 'get-one' || kind === 'put' || kind === 'delete';
    const path = one ? `${resource}/{id}` : resource;
    const method = kind === 'get-one' ? 'get' : kind;
    const scoped = index % 3 === 0;
    const keyed = index % 10 === 4;
    const security: Array<Record<string, string[]>> = [
      { pool: scoped ? ['bench/items'] : [], ...(keyed ? { key: [] } : {}) },
    ];
    paths[path] ??= {};
    paths[path][method] = {
      operationId: `${kind.replace('-', '')}Things${index}`,
      ...(one
        ? {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: '42' },
            ],
          }
        : {}),
      ...(method === 'post' || method === 'put'
        ? { requestBody: { content: json(item, { name: 'thing' }) } }
        : {}),
      responses: {
        [method === 'post' ? '201' : method === 'delete' ? '204' : '200']: {
          description: 'OK',
          ...(method === 'delete' ? {} : { content: json(item, { id: '42', name: 'thing' }) }),
        },
      },
      security,
    };
  }
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title, version: '1' },
    servers: [
      {
        url: 'https://bench000001.execute-api.us-east-1.amazonaws.com/{basePath}',
        variables: { basePath: { default: 'prod' } },
      },
    ],
    paths,
    components: {
      schemas: {
        Item: {
          type: 'object',
          properties: { id: { type: 'string' }, name: { type: 'string' } },
          required: ['name'],
        },
      },
      securitySchemes: {
        pool: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'cognito_user_pools',
          'x-amazon-apigateway-authorizer': {
            type: 'cognito_user_pools',
            providerARNs: [
              'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bench0001',
            ],
          },
        },
        key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
      },
    },
  });
}
