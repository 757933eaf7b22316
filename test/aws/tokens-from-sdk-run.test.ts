/**
 * `run --tokens-from-sdk` with SRP (the default flow, no IAM credentials) and with a machine
 * client's client credentials, against the sandbox serving an API with a resource-server scope.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { captureIo } from '../run/helpers.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

describe('run --tokens-from-sdk: SRP and client credentials (sandbox)', function () {
  this.timeout(180_000);
  let sandbox: Sandbox;
  let dir: string;
  let collection: string;
  const saved = { ...process.env };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-sdk-run-'));
    sandbox = await startSandbox({ specPath: 'examples/orders-export-api.json' });
    const quiet = { out: () => {}, err: () => {} };
    expect(
      await main(
        ['generate', 'examples/orders-export-api.json', '--for-sandbox', '--out-dir', dir],
        quiet,
      ),
    ).to.equal(0);
    collection = join(dir, 'collections', 'orders-export-api.postman_collection.json');
  });
  after(async () => {
    process.env = saved;
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  function setEnv(values: Record<string, string>): void {
    for (const key of Object.keys(process.env)) {
      if (key.startsWith('GATECHECK_') || key.startsWith('AWS_')) delete process.env[key];
    }
    const run = sandboxRunValues(sandbox);
    Object.assign(process.env, {
      GATECHECK_BASE_URL: run.baseUrl ?? '',
      GATECHECK_COGNITO_ENDPOINT: run.cognitoEndpoint ?? '',
      GATECHECK_REGION: run.region ?? '',
      GATECHECK_USER_POOL_ID: run.userPoolId ?? '',
      GATECHECK_API_KEY: run.apiKey ?? '',
      GATECHECK_SANDBOX_URL: run.sandboxUrl ?? '',
      GATECHECK_SANDBOX_SECRET: run.sandboxSecret ?? '',
      GATECHECK_OTHER_POOL_USERNAME: run.otherPoolUsername ?? '',
      GATECHECK_REVOCATION_USERNAME: run.revocationUsername ?? '',
      GATECHECK_REVOCATION_PASSWORD: run.revocationPassword ?? '',
      ...values,
    });
  }

  async function run(flags: string[]) {
    const io = captureIo();
    const code = await main(
      [
        'run',
        collection,
        '--env-file',
        '/dev/null',
        '--reports-dir',
        join(dir, 'reports'),
        ...flags,
      ],
      io,
    );
    return { code, text: io.all() };
  }

  it('SRP: the SDK signs in with USER_SRP_AUTH, the Sign-in folder is left out, every check passes', async () => {
    const values = sandboxRunValues(sandbox);
    setEnv({
      GATECHECK_CLIENT_ID: values.clientId ?? '',
      GATECHECK_USERNAME: values.username ?? '',
      GATECHECK_PASSWORD: values.password ?? '',
      GATECHECK_AUTH_FLOW: 'USER_SRP_AUTH',
      // For collections that get a machine token of their own for the resource-server scope.
      GATECHECK_MACHINE_CLIENT_ID: sandbox.machineClient?.clientId ?? '',
      GATECHECK_MACHINE_CLIENT_SECRET: sandbox.machineClient?.clientSecret ?? '',
      GATECHECK_COGNITO_DOMAIN: sandbox.cognitoDomain,
    });
    const { code, text } = await run(['--tokens-from-sdk']);
    expect(code, text).to.equal(0);
    expect(text).to.match(/checks: \d+ passed, 0 failed, 0 inconclusive, 0 skipped/);
    // The one sign-in is the revocation user's own (it is signed out everywhere on each run).
    expect(text).to.include('sign-ins: 1');
    expect(text).to.not.include(values.password ?? '(none)');
  });

  it("client credentials: the machine token passes the scoped method's positive check", async () => {
    const machine = sandbox.machineClient;
    if (!machine) throw new Error('the sandbox made no machine client');
    setEnv({
      GATECHECK_MACHINE_CLIENT_ID: machine.clientId,
      GATECHECK_MACHINE_CLIENT_SECRET: machine.clientSecret,
      GATECHECK_COGNITO_DOMAIN: sandbox.cognitoDomain,
    });
    const { code, text } = await run([
      '--tokens-from-sdk',
      '--client-credentials',
      '--scope',
      'orders/read',
    ]);
    expect(text).to.match(/GET \/orders\/\{orderId\} · positive: passed/);
    // A machine token has no ID token (docs/reference/aws-wire-behaviour.md §1.10): the method that takes one fails.
    expect(text).to.match(/GET \/orders · positive: FAILED/);
    expect(code).to.equal(1);
    expect(text).to.not.include(machine.clientSecret);
  });
});
