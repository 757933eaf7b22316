/**
 * Worker processes for parallel runs: a part run in another process gives the same result as in
 * this one, and everything secret it meets reaches the runner's mask before the result does.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  partCollection,
  withTopLevelIds,
} from '../../../generators/run/newman/collection-layout.js';
import type { PostmanCollection } from '../../../generators/run/inputs/collection-file.js';
import type { PartSpec } from '../../../generators/run/newman/part-messages.js';
import {
  defaultProcessCount,
  inheritedNodeOptions,
  startPartPool,
  type PartPool,
} from '../../../generators/run/newman/part-pool.js';
import { SecretSet } from '../../../generators/run/reports/secret-mask.js';
import { startFixtureApi, type FixtureApi } from '../fixtures/fixture-api.js';
import { fixtureCollection } from '../fixtures/fixture-collection.js';

describe('worker processes for parallel runs', function () {
  this.timeout(60_000);
  let api: FixtureApi;
  let staging: string;
  let pool: PartPool | undefined;
  const collection = withTopLevelIds(
    fixtureCollection(['/items', '/things']) as unknown as PostmanCollection,
  );
  const [signIn, items, things, guard] = collection.item;

  before(async () => {
    api = await startFixtureApi();
    staging = await mkdtemp(join(tmpdir(), 'gatecheck-pool-test-'));
  });
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });
  after(async () => {
    await api.close();
    await rm(staging, { recursive: true, force: true });
  });

  function spec(label: string, role: PartSpec['role'], itemsToRun: unknown[]): PartSpec {
    return {
      label,
      role,
      collection: partCollection(collection, itemsToRun as PostmanCollection['item'], {}),
      values: {
        baseUrl: api.url,
        cognitoEndpoint: `${api.url}/cognito/`,
        clientId: 'client',
        username: 'user',
        password: api.password,
      },
      timeoutRequestMs: 10_000,
      stagingDir: staging,
      secrets: [api.password],
    };
  }

  it('signs in in a worker process; the tokens it met are masked here before the result arrives', async () => {
    const secrets = new SecretSet();
    secrets.add(api.password);
    pool = startPartPool(1, secrets);
    const result = await pool.run(spec('sign-in', 'sign-in', [signIn]));
    expect(result.signIns).to.equal(1);
    expect(result.signInProblem).to.equal(undefined);
    // The opaque refresh token looks like nothing: only knowing it masks it.
    expect(secrets.values()).to.include.members([api.idToken, api.refreshToken]);
    // What comes back holds no request of a passed check (nothing to mask, nothing to leak).
    expect(result.checks.every((check) => check.request === undefined)).to.equal(true);
  });

  it('runs parts in two processes at once with their own items, reporting each finished item', async () => {
    const secrets = new SecretSet();
    pool = startPartPool(2, secrets);
    const tokens = { idToken: api.idToken };
    const finished: string[] = [];
    const run = (label: string, folder: unknown) =>
      pool!.run(
        {
          ...spec(label, 'checks', [folder]),
          collection: partCollection(collection, [folder] as PostmanCollection['item'], tokens),
        },
        (name, failed, outcome) =>
          finished.push(
            `${name}: ${failed ? 'FAILED' : 'ok'} ${outcome?.check ? outcome.status : '-'}`,
          ),
      );
    const [first, second] = await Promise.all([run('checks-1', items), run('checks-2', things)]);
    expect(first?.tally).to.include({ passed: 2, failed: 0 });
    expect(second?.tally).to.include({ passed: 2, failed: 0 });
    // Each part counted only its own checks.
    expect(first?.variables['gatecheck.ran']).to.equal('2');
    expect(second?.variables['gatecheck.ran']).to.equal('2');
    expect(finished).to.have.members([
      'GET /items · positive: ok passed',
      'GET /items · no-token: ok passed',
      'GET /things · positive: ok passed',
      'GET /things · no-token: ok passed',
    ]);
  });

  it('turns a newman error in a worker process into a rejected run', async () => {
    pool = startPartPool(1, new SecretSet());
    const broken = { ...spec('broken', 'checks', []), collection: 'no-such-collection.json' };
    let error: unknown;
    await pool.run(broken as unknown as PartSpec).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(Error);
  });

  it('gives each part only its own items, keeping collection-level scripts and variables', () => {
    const part = partCollection(collection, [guard!], { idToken: 'x' });
    expect(part.item.map((item) => item.name)).to.deep.equal(['Run guard']);
    expect(part.variable?.find((variable) => variable.key === 'idToken')?.value).to.equal('x');
    expect(part.info).to.deep.equal(collection.info);
    // The collection itself is left as it was.
    expect(collection.item).to.have.length(4);
    expect(collection.variable?.find((variable) => variable.key === 'idToken')?.value).to.equal('');
  });

  it('uses one process per core, this one included, and no more than there are runs', () => {
    expect(defaultProcessCount(8, 2)).to.equal(2);
    expect(defaultProcessCount(3, 16)).to.equal(3);
    expect(defaultProcessCount(8, 1)).to.equal(1);
    expect(defaultProcessCount(0, 4)).to.equal(1);
  });

  it("passes on the runner's Node options but not the code it was started with, nor a debugger port", () => {
    expect(
      inheritedNodeOptions(
        ['--import', 'tsx', '--no-warnings', '-e', 'main()', '--inspect=9229', '--eval=x'],
        true,
      ),
    ).to.deep.equal(['--import', 'tsx', '--no-warnings']);
    expect(inheritedNodeOptions(['--max-old-space-size=4096'], true)).to.deep.equal([
      '--max-old-space-size=4096',
      '--import',
      'tsx',
    ]);
    expect(inheritedNodeOptions([], false)).to.deep.equal([]);
  });
});
