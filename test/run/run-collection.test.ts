import { expect } from 'chai';
import { rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunCollectionOptions } from '../../generators/run/run-collection.js';
import { startFixtureApi, type FixtureApi } from './fixtures/fixture-api.js';
import { fixtureCollection, writeFixtureFiles } from './fixtures/fixture-collection.js';
import { captureIo, leaks, readTree, runCollectionPrinted } from './helpers.js';

describe('runCollection (newman against a fixture Cognito + API)', function () {
  this.timeout(60_000);
  let api: FixtureApi;
  let files: Awaited<ReturnType<typeof writeFixtureFiles>>;
  let reportsDir: string;

  before(async () => {
    api = await startFixtureApi();
    files = await writeFixtureFiles(
      fixtureCollection(['/items', '/things', '/widgets'], { skipped: true }),
      api.url,
    );
    reportsDir = await mkdtemp(join(tmpdir(), 'gatecheck-reports-'));
  });
  after(async () => {
    await api.close();
    await rm(files.dir, { recursive: true, force: true });
    await rm(reportsDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    api.initiateAuthCalls = 0;
    api.throttleNext = 0;
    api.thingsOpen = false;
  });

  function options(
    io: ReturnType<typeof captureIo>,
    extra: Partial<RunCollectionOptions> = {},
  ): RunCollectionOptions {
    return {
      collectionPath: files.collectionPath,
      environmentPath: files.environmentPath,
      values: { password: api.password },
      secrets: [api.password],
      reportsDir,
      io,
      sleep: async () => {},
      ...extra,
    };
  }

  it('signs in once, runs every check, and writes masked JUnit, JSON and HTML reports', async () => {
    const io = captureIo();
    const result = await runCollectionPrinted(options(io));
    expect(result.exitCode).to.equal(0);
    expect(result.tally).to.include({ passed: 7, failed: 0, skipped: 1, inconclusive: 0 });
    expect(result.signIns).to.equal(1);
    expect(api.initiateAuthCalls).to.equal(1);
    const reports = await readTree(result.reportDir);
    const names = [...reports.keys()].map((path) => path.slice(result.reportDir.length + 1)).sort();
    expect(names).to.deep.equal(['junit.xml', 'report.html', 'summary.json']);
    // One testcase per check (6 checks, 1 skipped check, the guard), one suite per folder.
    const junit = reports.get(join(result.reportDir, 'junit.xml')) ?? '';
    expect(junit.match(/<testsuite /g)).to.have.length(4);
    expect(junit.match(/<testcase /g)).to.have.length(8);
    expect(junit).to.include('tests="8" failures="0" errors="0" skipped="1"');
    const summary = JSON.parse(reports.get(join(result.reportDir, 'summary.json')) ?? '{}') as {
      exitCode: number;
      signIns: number;
      counts: Record<string, number>;
      checks: unknown[];
    };
    expect(summary).to.include({ exitCode: 0, signIns: 1 });
    expect(summary.counts).to.deep.equal({
      checks: 8,
      passed: 7,
      failed: 0,
      inconclusive: 0,
      skipped: 1,
    });
    expect(summary.checks).to.have.length(8);
    expect(io.all()).to.match(/checks: 7 passed, 0 failed, 0 inconclusive, 1 skipped \(8 check/);
    expect(io.errLines).to.include(
      '[3/8] GET /items · expired: skipped (expired token (none supplied))',
    );
    expect(io.errLines.some((line) => line.startsWith('[8/8] Run guard: passed'))).to.equal(true);
    // Nothing secret anywhere: not in a report file, not in what was printed.
    const secrets = [api.password, api.idToken, api.accessToken, api.refreshToken];
    expect(leaks([...reports.values(), io.all()], secrets)).to.deep.equal([]);
    // Passed checks keep no request or answer: the report stays small and holds nothing to mask.
    expect(reports.get(join(result.reportDir, 'summary.json'))).to.not.include('"request"');
  });

  it('runs the operation folders in parallel workers and merges the results', async () => {
    const io = captureIo();
    const result = await runCollectionPrinted(options(io, { workers: 3 }));
    expect(result.exitCode).to.equal(0);
    expect(result.workers).to.equal(3);
    expect(result.signIns).to.equal(1);
    // 7 checks + the guard, which saw the three workers' counters added up (6 checks ran).
    expect(result.tally).to.include({ passed: 7, failed: 0, skipped: 1 });
    const reports = await readTree(result.reportDir);
    const names = [...reports.keys()].map((path) => path.slice(result.reportDir.length + 1)).sort();
    // One report for the run, however many newman runs it took.
    expect(names).to.deep.equal(['junit.xml', 'report.html', 'summary.json']);
    expect(
      (reports.get(join(result.reportDir, 'junit.xml')) ?? '').match(/<testcase /g),
    ).to.have.length(8);
    expect(
      leaks([...reports.values(), io.all()], [api.password, api.idToken, api.refreshToken]),
    ).to.deep.equal([]);
  });

  it('runs workers in other processes too, with the same result, progress and masking', async () => {
    const io = captureIo();
    const result = await runCollectionPrinted(options(io, { workers: 3, processes: 3 }));
    expect(result.exitCode).to.equal(0);
    expect(result.workers).to.equal(3);
    expect(result.signIns).to.equal(1);
    expect(api.initiateAuthCalls).to.equal(1);
    expect(result.tally).to.include({ passed: 7, failed: 0, skipped: 1, inconclusive: 0 });
    // One progress line per request of the whole run, whichever process ran it.
    expect(io.errLines.filter((line) => /^\[\s*\d+\/8\]/.test(line))).to.have.length(8);
    const reports = await readTree(result.reportDir);
    const summary = JSON.parse(reports.get(join(result.reportDir, 'summary.json')) ?? '{}') as {
      workers: number;
      groups: string[];
      checks: { name: string }[];
    };
    expect(summary.workers).to.equal(3);
    expect(summary.groups).to.deep.equal(['Sign-in', 'GET /items', 'GET /things', 'GET /widgets']);
    // In collection order, whichever worker ran them.
    expect(summary.checks.map((check) => check.name)).to.deep.equal([
      'GET /items · positive',
      'GET /items · no-token',
      'GET /items · expired',
      'GET /things · positive',
      'GET /things · no-token',
      'GET /widgets · positive',
      'GET /widgets · no-token',
      'Run guard',
    ]);
    const secrets = [api.password, api.idToken, api.accessToken, api.refreshToken];
    expect(leaks([...reports.values(), io.all()], secrets)).to.deep.equal([]);
  });

  it('counts a check in a nested folder under its top-level folder (the operation)', async () => {
    const collection = fixtureCollection(['/items', '/things']);
    const items = collection.item[1] as { name: string; item: unknown[] };
    items.item = [{ name: 'by kind', item: items.item }];
    const nested = await writeFixtureFiles(collection, api.url);
    try {
      const io = captureIo();
      const result = await runCollectionPrinted({
        ...options(io),
        collectionPath: nested.collectionPath,
        environmentPath: nested.environmentPath,
      });
      expect(result.exitCode, io.all()).to.equal(0);
      expect(result.report.checks.map((check) => `${check.group}: ${check.label}`)).to.deep.equal([
        'GET /items: positive',
        'GET /items: no-token',
        'GET /things: positive',
        'GET /things: no-token',
        'gatecheck: Run guard',
      ]);
    } finally {
      await rm(nested.dir, { recursive: true, force: true });
    }
  });

  it('exits 1 when a check fails, naming it', async () => {
    api.thingsOpen = true;
    const io = captureIo();
    const result = await runCollectionPrinted(options(io));
    expect(result.exitCode).to.equal(1);
    expect(result.tally.failed).to.equal(1);
    expect(io.all()).to.include('✗ GET /things · no-token: status is 401');
    // The request to replay, on the next line.
    expect(io.all()).to.match(
      /✗ GET \/things · no-token: .*\n {6}curl -i -X GET http:\/\/127\.0\.0\.1:\d+\/things/,
    );
  });

  it("exits 2 on a failed sign-in, with Cognito's error, and reports no check as failed", async () => {
    const io = captureIo();
    const result = await runCollectionPrinted(
      options(io, { values: { password: 'wrong-password' } }),
    );
    expect(result.exitCode).to.equal(2);
    expect(result.signInFailure?.cognito).to.deep.equal({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(result.tally.failed).to.equal(0);
    expect(io.all()).to.include('NotAuthorizedException: Incorrect username or password.');
    expect(io.all()).to.not.include('wrong-password');
  });

  it('retries the sign-in with backoff while Cognito answers TooManyRequestsException', async () => {
    api.throttleNext = 2;
    const waits: number[] = [];
    const io = captureIo();
    const result = await runCollectionPrinted(
      options(io, {
        signInRetry: { attempts: 4, firstDelayMs: 10 },
        sleep: async (ms) => void waits.push(ms),
      }),
    );
    expect(result.exitCode).to.equal(0);
    expect(waits).to.deep.equal([10, 20]);
    expect(api.initiateAuthCalls).to.equal(3);
    expect(io.errLines.filter((line) => line.includes('TooManyRequestsException'))).to.have.length(
      2,
    );
  });

  it('gives up after the last attempt and exits 2', async () => {
    api.throttleNext = 5;
    const io = captureIo();
    const result = await runCollectionPrinted(
      options(io, { signInRetry: { attempts: 2, firstDelayMs: 1 } }),
    );
    expect(result.exitCode).to.equal(2);
    expect(result.signInFailure?.cognito?.type).to.equal('TooManyRequestsException');
  });

  it('uses tokens handed over in memory and skips the Sign-in folder', async () => {
    const io = captureIo();
    const result = await runCollectionPrinted(
      options(io, { tokens: { idToken: api.idToken, accessToken: api.accessToken } }),
    );
    expect(result.exitCode).to.equal(0);
    expect(api.initiateAuthCalls).to.equal(0);
    const reports = await readTree(result.reportDir);
    expect(leaks([...reports.values(), io.all()], [api.idToken, api.accessToken])).to.deep.equal(
      [],
    );
  });

  it('prints ::add-mask:: for every secret on GitHub Actions, before any other line', async () => {
    const io = captureIo();
    const result = await runCollectionPrinted(options(io, { githubActions: true }));
    expect(result.exitCode).to.equal(0);
    const masks = io.outLines.filter((line) => line.startsWith('::add-mask::'));
    expect(masks).to.include(`::add-mask::${api.password}`);
    expect(masks).to.include(`::add-mask::${api.idToken}`);
    expect(masks).to.include(`::add-mask::${api.refreshToken}`);
    const firstOther = io.outLines.findIndex((line) => !line.startsWith('::add-mask::'));
    expect(io.outLines.slice(firstOther).some((line) => line.startsWith('::add-mask::'))).to.equal(
      false,
    );
  });
});
