/**
 * One set of counts in every report of a real run (newman against the sandbox): the console
 * summary, the progress lines, summary.json and junit.xml all count checks (not assertions, not
 * requests), the run guard among them, also when the API cannot be reached. And sharding: shards
 * 1/2 and 2/2 merged with `gatecheck report merge` give the checks of an unsharded run and
 * byte-identical counts.
 */
import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { runCli } from '../run/cli-process.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

const ENV_NAMES: Record<string, string> = {
  baseUrl: 'GATECHECK_BASE_URL',
  region: 'GATECHECK_REGION',
  cognitoEndpoint: 'GATECHECK_COGNITO_ENDPOINT',
  userPoolId: 'GATECHECK_USER_POOL_ID',
  clientId: 'GATECHECK_CLIENT_ID',
  username: 'GATECHECK_USERNAME',
  password: 'GATECHECK_PASSWORD',
  clientSecret: 'GATECHECK_CLIENT_SECRET',
  apiKey: 'GATECHECK_API_KEY',
  sandboxUrl: 'GATECHECK_SANDBOX_URL',
  otherPoolUsername: 'GATECHECK_OTHER_POOL_USERNAME',
  revocationUsername: 'GATECHECK_REVOCATION_USERNAME',
  revocationPassword: 'GATECHECK_REVOCATION_PASSWORD',
};

interface Summary {
  schemaVersion: number;
  exitCode: number;
  counts: { checks: number; passed: number; failed: number; inconclusive: number; skipped: number };
  planned: number | null;
  checks: Array<{ name: string; status: string }>;
}

interface JunitCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** Counts read from the XML: the root's attributes, each suite's, and the testcases themselves. */
function junitCounts(xml: string) {
  const attrs = (tag: string): JunitCounts => {
    const read = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(tag)?.[1]);
    return {
      tests: read('tests'),
      failures: read('failures'),
      errors: read('errors'),
      skipped: read('skipped'),
    };
  };
  const root = attrs(/<testsuites\b[^>]*>/.exec(xml)?.[0] ?? '');
  const suites = [...xml.matchAll(/<testsuite\b[^>]*>([\s\S]*?)<\/testsuite>/g)].map((match) => {
    const cases = [
      ...(match[1] ?? '').matchAll(/<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g),
    ];
    return {
      declared: attrs(match[0].slice(0, match[0].indexOf('>') + 1)),
      counted: {
        tests: cases.length,
        failures: cases.filter((c) => /<failure\b/.test(c[1] ?? '')).length,
        errors: cases.filter((c) => /<error\b/.test(c[1] ?? '')).length,
        skipped: cases.filter((c) => /<skipped\b/.test(c[1] ?? '')).length,
      },
    };
  });
  const sum = (key: keyof JunitCounts) => suites.reduce((total, s) => total + s.declared[key], 0);
  return {
    root,
    suites,
    sums: {
      tests: sum('tests'),
      failures: sum('failures'),
      errors: sum('errors'),
      skipped: sum('skipped'),
    },
  };
}

async function onlyRun(dir: string): Promise<string> {
  const [run, ...more] = await readdir(dir);
  expect(more, `one report folder in ${dir}`).to.deep.equal([]);
  return join(dir, run!);
}

describe('report counts against the sandbox @slow', function () {
  this.timeout(240_000);
  let sandbox: Sandbox;
  let dir: string;
  let collectionPath: string;
  let environmentPath: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-report-counts-'));
    const quiet = { out: () => {}, err: () => {} };
    expect(await main(['generate', 'examples/users-api.json', '--out-dir', dir], quiet)).to.equal(
      0,
    );
    collectionPath = join(dir, 'collections', 'users-api.postman_collection.json');
    environmentPath = join(dir, 'environments', 'users-api.prod.postman_environment.json');
    sandbox = await startSandbox({ specPath: 'examples/users-api.json' });
    const values = sandboxRunValues(sandbox);
    env = Object.fromEntries(
      Object.entries(values)
        .filter(([key]) => ENV_NAMES[key])
        .map(([key, value]) => [ENV_NAMES[key]!, value]),
    );
    // The personas of the rules file sign in too.
    for (const persona of sandbox.personas) {
      env[`GATECHECK_${persona.name.toUpperCase()}_USERNAME`] = persona.username;
      env[`GATECHECK_${persona.name.toUpperCase()}_PASSWORD`] = persona.password;
    }
    env.GITHUB_ACTIONS = 'false';
  });
  after(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(args: string[], reportsDir: string, extraEnv: Record<string, string> = {}) {
    const result = await runCli(
      ['run', collectionPath, '-e', environmentPath, '--reports-dir', reportsDir, ...args],
      { ...env, ...extraEnv },
    );
    const printed = `${result.stdout}\n${result.stderr}`;
    const reportDir = await onlyRun(reportsDir);
    const summary = JSON.parse(await readFile(join(reportDir, 'summary.json'), 'utf8')) as Summary;
    const junit = await readFile(join(reportDir, 'junit.xml'), 'utf8');
    return { result, printed, reportDir, summary, junit };
  }

  function expectOneSetOfCounts(outcome: Awaited<ReturnType<typeof run>>) {
    const { printed, summary, junit } = outcome;
    const { counts } = summary;
    expect(summary.schemaVersion).to.equal(1);
    // summary.json: the counts are the checks counted.
    expect(counts.checks).to.equal(summary.checks.length);
    for (const status of ['passed', 'failed', 'inconclusive', 'skipped'] as const)
      expect(counts[status], status).to.equal(
        summary.checks.filter((c) => c.status === status).length,
      );
    // The console summary.
    const line =
      /checks: (\d+) passed, (\d+) failed, (\d+) inconclusive, (\d+) skipped \((\d+) check/.exec(
        printed,
      );
    expect(line, printed).to.not.equal(null);
    expect(line!.slice(1).map(Number)).to.deep.equal([
      counts.passed,
      counts.failed,
      counts.inconclusive,
      counts.skipped,
      counts.checks,
    ]);
    // The progress lines: one numbered line per check, up to the same total.
    const numbered = printed.split('\n').filter((l) => /^\[\s*\d+\/\d+\] /.test(l));
    expect(numbered).to.have.length(counts.checks);
    expect(numbered.at(-1)).to.match(new RegExp(`^\\[${counts.checks}/${counts.checks}\\] `));
    expect(numbered.filter((l) => /: skipped\b/.test(l))).to.have.length(counts.skipped);
    expect(numbered.filter((l) => /: ok$/.test(l))).to.deep.equal([]);
    // JUnit: one testcase per check; every level counted from the testcases; root = sums.
    const xml = junitCounts(junit);
    for (const suite of xml.suites) expect(suite.declared).to.deep.equal(suite.counted);
    expect(xml.root).to.deep.equal(xml.sums);
    expect(xml.root).to.deep.equal({
      tests: counts.checks,
      failures: counts.failed + counts.inconclusive,
      errors: 0,
      skipped: counts.skipped,
    });
    // The run guard is one of them, and its planned number is the rest (plus the token refresh).
    expect(summary.checks.some((c) => c.name === 'gatecheck · run guard')).to.equal(true);
    expect(junit).to.include('<testcase name="run guard" classname="gatecheck"');
    expect(summary.planned).to.be.a('number');
    expect(counts.checks).to.equal((summary.planned ?? 0) + 2);
    expect(printed).to.include(
      `(${counts.checks} check(s): ${summary.planned} planned + the run guard + the token refresh)`,
    );
  }

  it('a passing run: the console, progress, summary.json and JUnit count the same checks', async () => {
    const outcome = await run(['--parallel', '2'], join(dir, 'passing'));
    expect(outcome.result.code, outcome.printed).to.equal(0);
    expectOneSetOfCounts(outcome);
    expect(outcome.summary.counts.failed).to.equal(0);
  });

  it('checks skipped for want of a token: skipped with their reason in JUnit and the summary', async () => {
    // Without the sandbox's token minting, the checks that need a minted token are skipped.
    const outcome = await run([], join(dir, 'skipping'), { GATECHECK_SANDBOX_URL: '' });
    expectOneSetOfCounts(outcome);
    const { counts } = outcome.summary;
    expect(counts.skipped).to.be.above(0);
    const messages = [...outcome.junit.matchAll(/<skipped message="([^"]*)"\/>/g)].map((m) => m[1]);
    expect(messages).to.have.length(counts.skipped);
    for (const message of messages) expect(message).to.match(/^set \S+/);
    const reasons = [...outcome.printed.matchAll(/^ {2}skipped (\d+): (.+) \(/gm)];
    expect(reasons.reduce((sum, m) => sum + Number(m[1]), 0)).to.equal(counts.skipped);
  });

  it('an unreachable API: the same counts everywhere, every API check failed or inconclusive', async () => {
    const outcome = await run([], join(dir, 'unreachable'), {
      GATECHECK_BASE_URL: 'http://127.0.0.1:9/prod',
    });
    expect(outcome.result.code, outcome.printed).to.equal(1);
    expectOneSetOfCounts(outcome);
    // No check of an operation folder (the API's) passed: each failed or is inconclusive, or was
    // skipped for want of a token the run was not given; only Cognito's own checks (the token
    // refresh, the revocation) can pass.
    const apiChecks = (
      outcome.summary.checks as Array<{ group: string; name: string; status: string }>
    ).filter((check) => check.group.includes(' /'));
    expect(apiChecks.length).to.be.above(30);
    for (const check of apiChecks)
      expect(['failed', 'inconclusive', 'skipped'], check.name).to.include(check.status);
    expect(apiChecks.filter((check) => check.status === 'failed').length).to.be.above(10);
    expect(outcome.printed).to.match(/✗ GET \/users · positive: no response \(.*ECONNREFUSED/);
    expect(outcome.printed, outcome.printed).to.match(
      /\n {6}curl -i -X GET http:\/\/127\.0\.0\.1:9\/prod\/users -H 'Authorization: Bearer \[redacted\]'/,
    );
  });

  it('--shard 1/2 and 2/2 merged: the checks of an unsharded run, byte-identical counts', async () => {
    const whole = await run([], join(dir, 'whole'));
    expect(whole.result.code, whole.printed).to.equal(0);
    const first = await run(['--shard', '1/2'], join(dir, 'shard-1'));
    const second = await run(['--shard', '2/2'], join(dir, 'shard-2'));
    for (const shard of [first, second]) {
      expect(shard.result.code, shard.printed).to.equal(0);
      // Each shard signs in and runs a share: neither runs every check.
      expect(shard.summary.counts.checks).to.be.below(whole.summary.counts.checks);
    }
    const out = join(dir, 'merged');
    const merge = await runCli(
      ['report', 'merge', first.reportDir, second.reportDir, '--out', out],
      {},
    );
    expect(merge.code, `${merge.stdout}\n${merge.stderr}`).to.equal(0);
    const merged = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as Summary;
    const list = (s: Summary) => s.checks.map((c) => `${c.name}: ${c.status}`);
    expect(list(merged)).to.deep.equal(list(whole.summary));
    expect(JSON.stringify(merged.counts)).to.equal(JSON.stringify(whole.summary.counts));
    expect(merge.stdout).to.include(
      `checks: ${whole.summary.counts.passed} passed, 0 failed, 0 inconclusive, ${whole.summary.counts.skipped} skipped`,
    );
    const xml = junitCounts(await readFile(join(out, 'junit.xml'), 'utf8'));
    expect(xml.root).to.deep.equal(junitCounts(whole.junit).root);
    expect((await readdir(out)).sort()).to.deep.equal(['junit.xml', 'report.html', 'summary.json']);
  });
});
