import { expect } from 'chai';
import type { Protection } from '../../generators/model/types.js';
import {
  catalogueScope,
  forgeriesPerMethod,
  representativeOperations,
} from '../../generators/plan/check-depth.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import type { NegativeCheck, NegativeCheckKind } from '../../generators/plan/types.js';
import { cognitoId, cognitoScoped, model, operation } from '../support/api-model.js';

/** Checks of the method's own settings: every operation has them at every depth. */
const methodKinds: NegativeCheckKind[] = [
  'no-token',
  'wrong-token-type',
  'missing-scope',
  'api-key-missing',
  'api-key-wrong',
];

const api = model([
  operation({ method: 'post', path: '/items' }),
  operation({ method: 'get', path: '/items' }),
  operation({ method: 'get', path: '/items/{id}' }),
  operation({
    method: 'put',
    path: '/items/{id}',
    protection: cognitoScoped,
    security: [[{ scheme: 'cognito', scopes: ['aws.cognito.signin.user.admin'] }]],
  }),
]);

function negativesByOperation(depth: 'smoke' | 'standard' | 'full') {
  const plan = planCollection(api, { depth });
  return new Map(
    plan.operations.map((op) => [
      op.title,
      op.checks.filter((c): c is NegativeCheck => c.role === 'negative').map((c) => c.kind),
    ]),
  );
}

describe('check depth', () => {
  it('picks one safe operation per authorizer and token kind, an unsafe one only when there is no safe one', () => {
    expect([...representativeOperations(api)].sort()).to.deep.equal(
      ['get /items', 'put /items/{id}'].sort(),
    );
  });

  it('standard: the token-validation catalogue once per authorizer and token kind, the method checks everywhere', () => {
    const byOperation = negativesByOperation('standard');
    const validation = (kinds: NegativeCheckKind[]) =>
      kinds.filter((kind) => !methodKinds.includes(kind));
    expect(validation(byOperation.get('POST /items')!)).to.deep.equal([]);
    expect(validation(byOperation.get('GET /items/{id}')!)).to.deep.equal([]);
    expect(validation(byOperation.get('GET /items')!)).to.include.members([
      'signature-altered',
      'alg-none',
      'expired',
      'other-pool',
      'foreign-key',
    ]);
    expect(validation(byOperation.get('PUT /items/{id}')!)).to.include('signature-altered');
    for (const kinds of byOperation.values()) expect(kinds).to.include('no-token');
    expect(byOperation.get('PUT /items/{id}')).to.include('missing-scope');
  });

  it('smoke: no forgeries anywhere; full: the whole catalogue on every operation', () => {
    for (const kinds of negativesByOperation('smoke').values())
      expect(kinds.every((kind) => methodKinds.includes(kind))).to.equal(true);
    for (const kinds of negativesByOperation('full').values())
      expect(kinds).to.include.members(['no-token', 'signature-altered', 'expired']);
  });

  it('keeps forgeries per method for authorizers whose validation is code', () => {
    const lambda = { kind: 'lambda' } as unknown as Protection;
    expect(forgeriesPerMethod(lambda)).to.equal(true);
    expect(forgeriesPerMethod(cognitoId)).to.equal(false);
    const op = operation({ protection: lambda });
    expect(catalogueScope('standard', op, new Set())).to.deep.equal({
      method: true,
      tokenValidation: true,
    });
    expect(catalogueScope('smoke', op, new Set()).tokenValidation).to.equal(false);
  });

  it('standard plans fewer checks than full', () => {
    const count = (depth: 'standard' | 'full') => planCollection(api, { depth }).expectedCheckCount;
    expect(count('standard')).to.be.below(count('full'));
  });
});
