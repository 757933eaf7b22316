import { expect } from 'chai';
import type { Operation } from '../../generators/model/types.js';
import {
  planPositiveChecks,
  requestBody,
  requiredHeaders,
  resolvePath,
} from '../../generators/plan/plan-positive-checks.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import { demoModel, operation } from '../render/fixtures.js';

describe('planPositiveChecks', () => {
  const cases: Array<{ given: string; operation: Operation; want: object | undefined }> = [
    {
      given: 'a Cognito method with scopes → the access token, Bearer in Authorization',
      operation: operation({}),
      want: {
        method: 'get',
        path: '/demo',
        tokenHeader: 'Authorization',
        token: { from: 'captured', kind: 'access' },
        expect: { status: 200, contentType: 'application/json', schemaRef: 'Greeting' },
      },
    },
    {
      given: 'a Cognito method without scopes, custom header and API key → ID token + {{apiKey}}',
      operation: operation({
        protection: {
          kind: 'cognito',
          scheme: 'dev',
          tokenHeader: 'dev-auth-token',
          tokenKind: 'id',
          scopes: [],
        },
        apiKey: { header: 'x-api-key' },
      }),
      want: {
        tokenHeader: 'dev-auth-token',
        token: { from: 'captured', kind: 'id' },
        apiKey: { header: 'x-api-key', value: 'variable' },
      },
    },
    {
      given: 'an HTTP API JWT route with custom scopes → the access token of client credentials',
      operation: operation({
        protection: {
          kind: 'jwt',
          scheme: 'jwt',
          tokenHeader: 'Authorization',
          tokenKind: 'access',
          scopes: ['orders/read'],
          audience: ['client'],
        },
      }),
      want: {
        token: { from: 'captured', kind: 'access', grant: 'client-credentials' },
        scopes: ['orders/read'],
      },
    },
    {
      given: 'path, required query and header parameters, a JSON body, 201 without schema',
      operation: operation({
        method: 'put',
        path: '/users/{id}/files/{proxy+}',
        parameters: [
          { name: 'id', in: 'path', required: true, example: 'a b/c' },
          { name: 'proxy', in: 'path', required: true, example: 'gatecheck/probe' },
          { name: 'q', in: 'query', required: true, example: '1' },
          { name: 'opt', in: 'query', required: false, example: 'x' },
          { name: 'X-Trace', in: 'header', required: true, example: 't' },
          { name: 'authorization', in: 'header', required: true, example: 'no' },
        ],
        requestBody: { contentType: 'application/json', example: { name: 'n' } },
        success: { status: 201 },
      }),
      want: {
        method: 'put',
        path: '/users/a%20b%2Fc/files/gatecheck/probe',
        query: { q: '1' },
        headers: { 'X-Trace': 't' },
        body: { contentType: 'application/json', raw: '{\n  "name": "n"\n}' },
        expect: { status: 201 },
      },
    },
    {
      given: 'a public operation → none (planNegativeChecks plans the public check)',
      operation: operation({ protection: { kind: 'public' } }),
      want: undefined,
    },
    {
      given: 'an unsupported authorizer → none',
      operation: operation({
        protection: { kind: 'unsupported', description: 'Lambda authorizer' },
      }),
      want: undefined,
    },
  ];

  for (const { given, operation: op, want } of cases) {
    it(given, () => {
      const checks = planPositiveChecks(demoModel, op);
      if (want === undefined) {
        expect(checks).to.deep.equal([]);
        return;
      }
      expect(checks).to.have.length(1);
      expect(checks[0]).to.deep.include({ role: 'positive', operationId: op.id, ...want });
      expect(checks[0]?.name).to.equal(`${op.method.toUpperCase()} ${op.path} · positive`);
    });
  }

  it('derives ids from content: stable, and different per operation', () => {
    const a = planPositiveChecks(demoModel, operation({}))[0];
    const b = planPositiveChecks(demoModel, operation({}))[0];
    const c = planPositiveChecks(demoModel, operation({ id: 'other' }))[0];
    expect(a?.id)
      .to.equal(b?.id)
      .and.to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c?.id).to.not.equal(a?.id);
  });
});

describe('request helpers', () => {
  it('resolvePath leaves unknown parameters in place', () => {
    expect(resolvePath('/a/{x}', [])).to.equal('/a/{x}');
  });
  it('requiredHeaders never overrides the token, API key or Content-Type', () => {
    const op = operation({
      parameters: [
        { name: 'X-Api-Key', in: 'header', required: true, example: 'k' },
        { name: 'Content-Type', in: 'header', required: true, example: 'text/plain' },
      ],
    });
    expect(requiredHeaders(op, ['x-api-key'])).to.deep.equal({});
  });
  it('requestBody keeps a text example as is', () => {
    const op = operation({ requestBody: { contentType: 'text/plain', example: 'hello' } });
    expect(requestBody(op)).to.deep.equal({ contentType: 'text/plain', raw: 'hello' });
  });
});

describe('planCollection', () => {
  it('puts the positive check first, then the control/negative pairs, and counts every check', () => {
    const plan = planCollection(demoModel);
    const checks = plan.operations[0]?.checks ?? [];
    expect(checks[0]?.role).to.equal('positive');
    expect(checks.slice(1).every((c) => c.role === 'control' || c.role === 'negative')).to.equal(
      true,
    );
    expect(plan.expectedCheckCount).to.equal(checks.length + plan.revocation.length);
  });
  it('plans a public check without a token for a public operation', () => {
    const model = {
      ...demoModel,
      operations: [operation({ protection: { kind: 'public' }, security: [] })],
    };
    const checks = planCollection(model).operations[0]?.checks ?? [];
    expect(checks.map((c) => c.role)).to.deep.equal(['public']);
    expect(checks[0]?.token).to.deep.equal({ from: 'none' });
  });
});
