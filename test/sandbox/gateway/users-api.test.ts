import { expect } from 'chai';
import type { Gateway } from '../../../sandbox/gateway/start-gateway.js';
import { call, gatewayFor } from './gateway-harness.js';
import { startLocalIssuers, type LocalIssuers } from './local-issuer.js';

const user = {
  type: 'object',
  required: ['name', 'email'],
  properties: {
    id: { type: 'string', readOnly: true },
    name: { type: 'string' },
    email: { type: 'string' },
  },
};

const usersSpec = {
  swagger: '2.0',
  info: { title: 'Users', version: '1' },
  basePath: '/v1',
  securityDefinitions: {
    cognito: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
    },
  },
  security: [{ cognito: [] }],
  definitions: { User: user },
  paths: {
    '/users': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            schema: { type: 'array', items: { $ref: '#/definitions/User' } },
          },
        },
      },
      post: {
        parameters: [
          { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/User' } },
        ],
        responses: { '201': { description: 'created', schema: { $ref: '#/definitions/User' } } },
      },
    },
    '/users/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, type: 'string', 'x-example': 'u-seed' },
      ],
      get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/User' } } } },
      put: {
        parameters: [
          { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/User' } },
        ],
        responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/User' } } },
      },
      delete: { responses: { '204': { description: 'deleted' } } },
    },
  },
};

describe('gateway stand-in: users API handler (in-memory CRUD with an owner check)', () => {
  let issuers: LocalIssuers;
  let gateway: Gateway;
  let base: string;
  let alice: string;
  let bob: string;
  let admin: string;

  before(async () => {
    issuers = await startLocalIssuers();
    gateway = await gatewayFor(usersSpec, issuers, {
      seedOwner: { username: 'alice', sub: 'sub-alice' },
    });
    base = gateway.apiBaseUrl;
    alice = await issuers.trusted.idToken();
    bob = await issuers.trusted.idToken({ sub: 'sub-bob', 'cognito:username': 'bob' });
    admin = await issuers.trusted.idToken({
      sub: 'sub-root',
      'cognito:username': 'root',
      'cognito:groups': ['admin'],
    });
  });
  afterEach(() => gateway.setFaults([]));
  after(async () => {
    await gateway.stop();
    await issuers.close();
  });

  const as = (token: string, method = 'GET', body?: unknown): RequestInit => ({
    method,
    headers: { Authorization: token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  it('stage from the Swagger basePath; the documented example id is seeded for the main user', async () => {
    expect(gateway.stage).to.equal('v1');
    const reply = await call(`${base}/users/u-seed`, as(alice));
    expect(reply.status).to.equal(200);
    expect((reply.json as { id: string }).id).to.equal('u-seed');
  });

  it('POST creates with the documented status; GET lists and reads it', async () => {
    const created = await call(
      `${base}/users`,
      as(alice, 'POST', { name: 'Alice', email: 'a@example.com' }),
    );
    expect(created.status).to.equal(201);
    const record = created.json as { id: string; name: string };
    expect(record.name).to.equal('Alice');
    expect((await call(`${base}/users/${record.id}`, as(bob))).json).to.deep.equal(record);
    const list = (await call(`${base}/users`, as(alice))).json as { id: string }[];
    expect(list.map((r) => r.id)).to.include(record.id);
  });

  it('POST {} without the required fields → 400 and creates nothing', async () => {
    const before = ((await call(`${base}/users`, as(alice))).json as unknown[]).length;
    const reply = await call(`${base}/users`, as(alice, 'POST', {}));
    expect(reply.status).to.equal(400);
    expect(reply.headers.get('x-amzn-errortype')).to.equal(null);
    const after = ((await call(`${base}/users`, as(alice))).json as unknown[]).length;
    expect(after).to.equal(before);
    expect(
      (await call(`${base}/users`, { ...as(alice, 'POST'), body: 'not json' })).status,
    ).to.equal(400);
  });

  it('unknown id → 404', async () => {
    const reply = await call(`${base}/users/does-not-exist`, as(alice));
    expect(reply.status).to.equal(404);
  });

  it('another user may not change or delete a record → 403 from the integration (no x-amzn-ErrorType)', async () => {
    const record = (await call(`${base}/users`, as(alice, 'POST', { name: 'A', email: 'a@x' })))
      .json as { id: string };
    const put = await call(
      `${base}/users/${record.id}`,
      as(bob, 'PUT', { name: 'B', email: 'b@x' }),
    );
    expect(put.status).to.equal(403);
    expect(put.json).to.deep.equal({ message: 'Forbidden: not the owner' });
    expect(put.headers.get('x-amzn-errortype')).to.equal(null);
    expect(put.headers.get('x-amzn-requestid')).to.be.a('string');
    expect((await call(`${base}/users/${record.id}`, as(bob, 'DELETE'))).status).to.equal(403);
  });

  it('the owner and group admin may change; DELETE answers the documented 204', async () => {
    const record = (await call(`${base}/users`, as(alice, 'POST', { name: 'A', email: 'a@x' })))
      .json as { id: string };
    const put = await call(
      `${base}/users/${record.id}`,
      as(alice, 'PUT', { name: 'A2', email: 'a@x' }),
    );
    expect(put.status).to.equal(200);
    expect(put.json).to.deep.equal({ id: record.id, name: 'A2', email: 'a@x', owner: 'sub-alice' });
    const invalid = await call(`${base}/users/${record.id}`, as(alice, 'PUT', { name: 'only' }));
    expect(invalid.status).to.equal(400);
    const removed = await call(`${base}/users/${record.id}`, as(admin, 'DELETE'));
    expect(removed.status).to.equal(204);
    expect((await call(`${base}/users/${record.id}`, as(alice))).status).to.equal(404);
  });

  it('a seeded record is a fixture: DELETE answers 204 and the seed is served again, so runs repeat', async () => {
    const changed = await call(
      `${base}/users/u-seed`,
      as(alice, 'PUT', { name: 'Changed', email: 'c@x' }),
    );
    expect(changed.status).to.equal(200);
    expect((await call(`${base}/users/u-seed`, as(alice, 'DELETE'))).status).to.equal(204);
    const again = await call(`${base}/users/u-seed`, as(alice));
    expect(again.status).to.equal(200);
    expect(again.json).to.include({ id: 'u-seed', owner: 'sub-alice' });
    expect(again.json).to.not.include({ name: 'Changed' });
  });

  it('owner-check-removed fault: another user may change the record', async () => {
    const record = (await call(`${base}/users`, as(alice, 'POST', { name: 'A', email: 'a@x' })))
      .json as { id: string };
    const body = { name: 'B', email: 'b@x' };
    expect((await call(`${base}/users/${record.id}`, as(bob, 'PUT', body))).status).to.equal(403);
    gateway.setFaults([{ name: 'owner-check-removed' }]);
    expect((await call(`${base}/users/${record.id}`, as(bob, 'PUT', body))).status).to.equal(200);
  });
});
