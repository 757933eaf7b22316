import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sentinelId } from '../../../generators/plan/sentinel-targets.js';
import { selectForSmoke } from '../../../generators/run/smoke/smoke-selection.js';
import { smokeCollection, type SmokeOptions } from '../../../generators/run/smoke/smoke.js';
import { isStillDeploying } from '../../../generators/run/smoke/wait-for-deploy.js';
import { startFixtureApi, type FixtureApi } from '../fixtures/fixture-api.js';
import { fixtureCollection, writeFixtureFiles } from '../fixtures/fixture-collection.js';
import { captureIo } from '../helpers.js';

/** The fixture collection plus an unsafe operation: a positive POST and a sentinel-aimed negative. */
function collectionWithUnsafeOperation() {
  const collection = fixtureCollection(['/items']);
  const post = (name: string, path: string) => ({
    name,
    request: { method: 'POST', url: `{{baseUrl}}${path}` },
    event: [{ listen: 'test', script: { exec: ["pm.test('answered', function () {});"] } }],
  });
  collection.item.splice(2, 0, {
    name: 'POST /widgets/{id}',
    item: [
      post('POST /widgets/{id} · positive', '/widgets/1'),
      post('POST /widgets/{id} · no-token', `/widgets/${sentinelId}`),
    ],
  } as never);
  collection.item.splice(3, 0, {
    name: 'Revocation (Cognito)',
    item: [post('Revocation · GlobalSignOut', '/x')],
  } as never);
  return collection;
}

describe('gatecheck smoke', function () {
  this.timeout(60_000);
  let api: FixtureApi;
  let files: Awaited<ReturnType<typeof writeFixtureFiles>>;
  let reportsDir: string;

  before(async () => {
    api = await startFixtureApi();
    files = await writeFixtureFiles(collectionWithUnsafeOperation(), api.url);
    reportsDir = await mkdtemp(join(tmpdir(), 'gatecheck-smoke-reports-'));
  });
  after(async () => {
    await api.close();
    await rm(files.dir, { recursive: true, force: true });
    await rm(reportsDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    api.gatewayRequests.length = 0;
    api.unavailableNext = 0;
    api.thingsOpen = false;
  });

  const options = (
    io: ReturnType<typeof captureIo>,
    extra: Partial<SmokeOptions> = {},
  ): SmokeOptions => ({
    collectionPath: files.collectionPath,
    environmentPath: files.environmentPath,
    values: { password: api.password },
    secrets: [api.password],
    reportsDir,
    io,
    probeIntervalMs: 1,
    reportEveryMs: 0,
    sleep: async () => {},
    ...extra,
  });

  it('keeps safe requests and sentinel-aimed ones; drops unsafe positives, revocation and the run guard', () => {
    const selected = selectForSmoke(collectionWithUnsafeOperation() as never);
    const names = selected.item.map((item) => [
      item.name,
      ...(item.item ?? []).map((child) => child.name),
    ]);
    expect(names).to.deep.equal([
      ['Sign-in', 'Sign in as {{username}}'],
      ['GET /items', 'GET /items · positive', 'GET /items · no-token'],
      ['POST /widgets/{id}', 'POST /widgets/{id} · no-token'],
    ]);
  });

  it('recognises a deployment that is not ready yet', () => {
    expect(isStillDeploying(503, '')).to.equal(true);
    expect(isStillDeploying(403, '{"message":"Missing Authentication Token"}')).to.equal(true);
    expect(isStillDeploying(403, '{"message":"Forbidden"}')).to.equal(false);
    expect(isStillDeploying(401, '{"message":"Unauthorized"}')).to.equal(false);
  });

  it('waits while the deployment answers 503, then runs only the harmless checks', async () => {
    api.unavailableNext = 2;
    const io = captureIo();
    const result = await smokeCollection(options(io));
    expect(result.exitCode).to.equal(0);
    expect(
      io.errLines.filter((line) => line.includes('waiting for the deployment')),
    ).to.have.length(2);
    expect(api.gatewayRequests).to.not.include('POST /widgets/1');
    expect(api.gatewayRequests).to.include(`POST /widgets/${sentinelId}`);
    expect(api.gatewayRequests).to.not.include('POST /x');
    expect(api.gatewayRequests).to.not.include('GET /health');
  });

  it('gives up after --wait seconds with exit code 2 and runs nothing', async () => {
    api.unavailableNext = 1000;
    let clock = 0;
    const io = captureIo();
    const result = await smokeCollection(
      options(io, {
        waitSeconds: 3,
        sleep: async (ms) => void (clock += ms),
        probeIntervalMs: 1000,
        clock: () => clock,
      }),
    );
    expect(result.exitCode).to.equal(2);
    expect(io.all()).to.include('did not answer within 3 s');
    expect(api.gatewayRequests.every((request) => request === 'GET /items')).to.equal(true);
  });

  it('stops at the first failure (bail) and exits 1', async () => {
    api.thingsOpen = true;
    const collection = fixtureCollection(['/things', '/items']);
    const path = join(files.dir, 'bail.postman_collection.json');
    await writeFile(path, JSON.stringify(collection));
    const io = captureIo();
    const result = await smokeCollection(options(io, { collectionPath: path }));
    expect(result.exitCode).to.equal(1);
    expect(api.gatewayRequests).to.not.include('GET /items');
  });
});
