/**
 * `gatecheck run` on a generated collection against the sandbox, as a user runs it (a separate
 * process, secrets only in GATECHECK_* variables): the run works, and no password, client secret,
 * one-time code or token appears in any report file or in anything printed.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOTP } from 'otpauth';
import { main } from '../../generators/cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { runCli } from './cli-process.js';
import { readTree } from './helpers.js';
import { sandboxRunValues } from './sandbox-values.js';

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
  sandboxSecret: 'GATECHECK_SANDBOX_SECRET',
  revocationUsername: 'GATECHECK_REVOCATION_USERNAME',
  revocationPassword: 'GATECHECK_REVOCATION_PASSWORD',
};

/** A JWT or JWE (Cognito refresh token) that escaped masking. */
const TOKEN_LEFT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
/** A one-time code sent in a challenge answer that escaped masking. */
const CODE_LEFT = /(SOFTWARE_TOKEN_MFA_CODE|EMAIL_OTP_CODE|SMS_MFA_CODE)\\*"\s*:\s*\\*"\d/;

describe('gatecheck run against the sandbox @slow', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let dir: string;
  let collectionPath: string;
  let environmentPath: string;
  const passwords = { 'totp-mfa': 'Totp-Pa$$word-"1"<&>', 'sign-out': 'SignOut-Pa$$word-2' };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-sandbox-run-'));
    const quiet = { out: () => {}, err: () => {} };
    expect(
      await main(
        ['generate', 'examples/lab-demo-api.yaml', '--for-sandbox', '--out-dir', dir],
        quiet,
      ),
    ).to.equal(0);
    collectionPath = join(dir, 'collections', 'lab-demo-api.postman_collection.json');
    environmentPath = join(dir, 'environments', 'lab-demo-api.prod.postman_environment.json');
    sandbox = await startSandbox({
      specPath: 'examples/lab-demo-api.yaml',
      clientSecret: true,
      passwords,
    });
  });
  after(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs in with a one-time code, runs every check, and leaks no secret anywhere', async () => {
    const values = sandboxRunValues(sandbox, 'totp-mfa');
    const env = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [ENV_NAMES[key] ?? key, value]),
    );
    const reportsDir = join(dir, 'reports');
    const run = await runCli(
      [
        'run',
        collectionPath,
        '-e',
        environmentPath,
        '--reports-dir',
        reportsDir,
        '--parallel',
        '2',
      ],
      { ...env, GITHUB_ACTIONS: 'false' },
    );
    const printed = `${run.stdout}\n${run.stderr}`;
    expect(run.code, printed).to.be.oneOf([0, 1]);
    // Checks, not assertions: the planned ones, the run guard and the token refresh.
    expect(printed).to.match(
      /checks: \d{2,} passed, \d+ failed, \d+ inconclusive, \d+ skipped \(\d+ check\(s\): \d+ planned \+ the run guard \+ the token refresh\)/,
    );
    expect(printed).to.not.include('sign-in failed');
    // The totp user signs in once, the revocation user once; no other sign-in.
    expect(printed).to.include('sign-ins: 2');

    const reportDir = /reports: (.+)$/m.exec(run.stdout)?.[1] ?? '';
    const files = await readTree(reportDir);
    expect([...files.keys()].some((path) => path.endsWith('junit.xml'))).to.equal(true);
    expect([...files.keys()].some((path) => path.endsWith('report.html'))).to.equal(true);
    // The reports keep the request and answer of failed checks only: the sign-in exchange (the
    // one-time code, the password, the tokens) is in none of them, masked or not.
    const summary = await readFile(join(reportDir, 'summary.json'), 'utf8');
    expect(summary).to.not.include('SOFTWARE_TOKEN_MFA_CODE');
    expect(summary).to.include('"schemaVersion": 1');

    const user = sandbox.users.find((candidate) => candidate.role === 'totp-mfa');
    const totp = new TOTP({ secret: user?.totpSecret ?? '', digits: 6, period: 30 });
    const now = Date.now();
    const codes = [-3, -2, -1, 0].map((step) => totp.generate({ timestamp: now + step * 30_000 }));
    const secrets = [
      passwords['totp-mfa'],
      JSON.stringify(passwords['totp-mfa']).slice(1, -1),
      passwords['sign-out'],
      sandbox.clientSecret ?? 'no-client-secret',
      sandbox.apiKey,
    ];
    for (const [path, text] of [...files, ['stdout+stderr', printed] as const]) {
      for (const secret of secrets)
        expect(text.includes(secret), `${path} holds a secret`).to.equal(false);
      expect(TOKEN_LEFT.test(text), `${path} holds a token`).to.equal(false);
      expect(CODE_LEFT.test(text), `${path} holds a one-time code`).to.equal(false);
    }
    for (const code of codes) expect(printed).to.not.include(code);
  });
});
