/** An API whose authorizers trust several user pools: which pool each check's token comes from. */
import { expect } from 'chai';
import { planPositiveChecks } from '../../generators/plan/plan-positive-checks.js';
import { renderRequest } from '../../generators/render/render-request.js';
import { poolRunValues } from '../../generators/run/inputs/pool-credentials.js';
import { modelOfSpec, negativesOf as negatives, operationOf } from '../support/api-model.js';

const model = () => modelOfSpec('several-pools.json');

describe('several user pools', () => {
  it('numbers the pools in declaration order', async () => {
    const api = await model();
    expect(api.pools?.map((pool) => pool.userPoolId)).to.deep.equal([
      'eu-west-1_PoolAaaaa',
      'eu-west-1_PoolBbbbb',
    ]);
  });

  const cases: Array<{ id: string; positives: string[]; pool?: number; refused: string[] }> = [
    { id: 'GET /a', positives: ['GET /a · positive'], refused: ['pool-not-accepted (pool 2)'] },
    {
      id: 'GET /b',
      positives: ['GET /b · positive'],
      pool: 2,
      refused: ['pool-not-accepted (pool 1)'],
    },
    {
      id: 'GET /ab',
      positives: ['GET /ab · positive', 'GET /ab · positive (pool 2)'],
      refused: [],
    },
  ];
  for (const { id, positives, pool, refused } of cases) {
    it(`${id}: positives ${positives.length}, refused pools ${refused.join(', ') || 'none'}`, async () => {
      const api = await model();
      const operation = operationOf(api, id);
      expect(planPositiveChecks(api, operation).map((c) => c.name)).to.deep.equal(positives);
      const checks = negatives(api, operation);
      expect(
        checks.filter((c) => c.kind === 'pool-not-accepted').map((c) => c.name.split(' · ')[1]),
      ).to.deep.equal(refused);
      const forged = checks.find((c) => c.kind === 'signature-altered');
      expect(forged?.token).to.deep.include(pool === undefined ? { kind: 'id' } : { pool });
      if (pool === undefined) expect(forged?.token).to.not.have.property('pool');
    });
  }

  it("pool 2's method sends pool 2's token and mints pool 2's test tokens", async () => {
    const api = await model();
    const operation = operationOf(api, 'GET /b');
    const [positive] = planPositiveChecks(api, operation);
    if (!positive) throw new Error('no positive check');
    expect(renderRequest(positive).header).to.deep.include({
      key: 'Authorization',
      value: 'Bearer {{gatecheck.pool.2.idToken}}',
    });
    const expired = negatives(api, operation).find((c) => c.kind === 'expired');
    expect(expired?.token).to.deep.equal({
      from: 'variable',
      variable: 'gatecheck.pool.2.expiredToken',
      mint: { tokenUse: 'id', expired: true, pool: 'pool2' },
    });
    const otherPool = negatives(api, operation).find((c) => c.kind === 'other-pool');
    expect(otherPool?.token).to.deep.include({ variable: 'otherPoolToken' });
  });

  it('GATECHECK_POOL<N>_* become the pool variables; passwords and secrets are masked', () => {
    const { values, secrets } = poolRunValues([
      {
        GATECHECK_POOL2_USERNAME: 'partner',
        GATECHECK_POOL2_PASSWORD: 'pw-2',
        GATECHECK_POOL2_CLIENT_ID: 'client-2',
        GATECHECK_POOL3_CLIENT_SECRET: 'secret-3',
        GATECHECK_POOL1_USERNAME: 'ignored',
        GATECHECK_USERNAME: 'main',
      },
    ]);
    expect(values).to.deep.equal({
      'gatecheck.pool.2.username': 'partner',
      'gatecheck.pool.2.password': 'pw-2',
      'gatecheck.pool.2.clientId': 'client-2',
      'gatecheck.pool.3.clientSecret': 'secret-3',
    });
    expect(secrets.sort()).to.deep.equal(['pw-2', 'secret-3']);
  });
});
