/**
 * provision, tokens, fetch-spec and `run --tokens-from-sdk` through the CLI, against the sandbox's
 * Cognito stand-in and its gateway (which serves GetExport), with the real AWS SDK clients.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { awsClientConfig } from '../../generators/aws/client-config.js';
import { signInWithSdk } from '../../generators/aws/sdk-sign-in.js';
import { main } from '../../generators/cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { captureIo } from '../run/helpers.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

const PASSWORD = 'Provisioned-Pa$$word-1';

describe('AWS SDK commands against the sandbox', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let dir: string;
  const saved = { ...process.env };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-aws-'));
    sandbox = await startSandbox({
      specPath: 'examples/lab-demo-api.yaml',
      passwords: { main: 'Main-Pa$$word-1' },
    });
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
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'GITHUB_ACTIONS'])
      delete process.env[key];
    Object.assign(process.env, values);
  }

  it('provision creates a user, and running it again updates it (idempotent)', async () => {
    setEnv({ GATECHECK_PASSWORD: PASSWORD });
    const args = [
      'provision',
      '--user-pool-id',
      sandbox.userPoolId,
      '--region',
      sandbox.region,
      '--endpoint',
      sandbox.cognitoEndpoint,
      '--user',
      'ci-user',
      '--group',
      'admin',
    ];
    const first = captureIo();
    expect(await main(args, first)).to.equal(0);
    expect(first.outLines).to.deep.equal(['created ci-user (groups: admin)']);
    const second = captureIo();
    expect(await main(args, second)).to.equal(0);
    expect(second.outLines).to.deep.equal(['updated ci-user (groups: admin)']);
    expect(first.all() + second.all()).to.not.include(PASSWORD);

    // The user is CONFIRMED with a permanent password: it signs in without a challenge.
    const client = new CognitoIdentityProviderClient(
      awsClientConfig({ region: sandbox.region, endpoint: sandbox.cognitoEndpoint }, {}),
    );
    try {
      const tokens = await signInWithSdk(client, {
        userPoolId: sandbox.userPoolId,
        clientId: sandbox.clientId,
        username: 'ci-user',
        password: PASSWORD,
        admin: true,
      });
      expect(decodeJwt(tokens.idToken)['cognito:groups']).to.deep.equal(['admin']);
    } finally {
      client.destroy();
    }
  });

  it('provision --authz creates the personas and their groups, and repeats safely', async () => {
    const rules = join(dir, 'rules.authz.yaml');
    await writeFile(
      rules,
      'personas:\n  viewer: {}\n  auditor:\n    groups: [auditors]\noperations:\n  getDemo:\n    allow: [viewer]\n',
    );
    setEnv({
      GATECHECK_VIEWER_USERNAME: 'viewer-user',
      GATECHECK_VIEWER_PASSWORD: PASSWORD,
      GATECHECK_AUDITOR_USERNAME: 'auditor-user',
      GATECHECK_AUDITOR_PASSWORD: PASSWORD,
    });
    const args = [
      'provision',
      '--user-pool-id',
      sandbox.userPoolId,
      '--region',
      sandbox.region,
      '--endpoint',
      sandbox.cognitoEndpoint,
      '--authz',
      rules,
      '--env-file',
      '/dev/null',
    ];
    const first = captureIo();
    expect(await main(args, first)).to.equal(0);
    expect(first.outLines).to.deep.equal([
      'group auditors: created',
      'created viewer-user (persona viewer)',
      'created auditor-user (persona auditor) (groups: auditors)',
    ]);
    const second = captureIo();
    expect(await main(args, second)).to.equal(0);
    expect(second.outLines).to.deep.equal([
      'group auditors: exists',
      'updated viewer-user (persona viewer)',
      'updated auditor-user (persona auditor) (groups: auditors)',
    ]);
    expect(first.all() + second.all()).to.not.include(PASSWORD);

    // A persona without credentials: one line naming the rules file and the variables, exit 2.
    delete process.env.GATECHECK_AUDITOR_PASSWORD;
    const missing = captureIo();
    expect(await main(args, missing)).to.equal(2);
    expect(missing.all()).to.include(
      `${rules}#/personas/auditor: persona "auditor" has no credentials. Set GATECHECK_AUDITOR_USERNAME and GATECHECK_AUDITOR_PASSWORD`,
    );
  });

  it('provision without GATECHECK_PASSWORD exits 2 and says what to set', async () => {
    setEnv({});
    delete process.env.GATECHECK_PASSWORD;
    const io = captureIo();
    const code = await main(
      [
        'provision',
        '--user-pool-id',
        sandbox.userPoolId,
        '--endpoint',
        sandbox.cognitoEndpoint,
        '--user',
        'x',
        '--env-file',
        '/dev/null',
      ],
      io,
    );
    expect(code).to.equal(2);
    expect(io.all()).to.include('GATECHECK_PASSWORD');
  });

  it('tokens signs in with the SDK (user and admin flows) and shows claims, never tokens', async () => {
    const values = sandboxRunValues(sandbox);
    setEnv({
      GATECHECK_CLIENT_ID: values.clientId ?? '',
      GATECHECK_USERNAME: values.username ?? '',
      GATECHECK_PASSWORD: values.password ?? '',
      GATECHECK_USER_POOL_ID: values.userPoolId ?? '',
      GATECHECK_REGION: values.region ?? '',
      GATECHECK_COGNITO_ENDPOINT: values.cognitoEndpoint ?? '',
    });
    for (const flags of [[], ['--admin-auth']]) {
      const io = captureIo();
      expect(await main(['tokens', ...flags], io), io.all()).to.equal(0);
      expect(io.outLines[0]).to.equal(
        `signed in as ${values.username} (sub ${/\(sub (.+)\)/.exec(io.outLines[0] ?? '')?.[1]})`,
      );
      expect(io.all()).to.include('token_use=id');
      expect(io.all()).to.not.match(/eyJ[A-Za-z0-9_-]{10,}/);
    }
  });

  it("tokens with a wrong password exits 2 with Cognito's error", async () => {
    const values = sandboxRunValues(sandbox);
    setEnv({
      GATECHECK_CLIENT_ID: values.clientId ?? '',
      GATECHECK_USERNAME: values.username ?? '',
      GATECHECK_PASSWORD: 'wrong-password-1',
      // SRP (the default flow) hashes the pool name into the proof.
      GATECHECK_USER_POOL_ID: values.userPoolId ?? '',
      GATECHECK_REGION: values.region ?? '',
      GATECHECK_COGNITO_ENDPOINT: values.cognitoEndpoint ?? '',
    });
    const io = captureIo();
    expect(await main(['tokens'], io)).to.equal(2);
    expect(io.all()).to.include('NotAuthorizedException');
    expect(io.all()).to.not.include('wrong-password-1');
  });

  it('fetch-spec downloads the oas30 export with authorizers and writes it', async () => {
    setEnv({});
    const out = join(dir, 'exported.json');
    const endpoint = new URL(sandbox.apiBaseUrl).origin;
    const io = captureIo();
    const code = await main(
      [
        'fetch-spec',
        '--rest-api-id',
        'a1b2c3d4e5',
        '--stage',
        sandbox.stage,
        '--region',
        sandbox.region,
        '--endpoint',
        endpoint,
        '--out',
        out,
      ],
      io,
    );
    expect(code, io.all()).to.equal(0);
    const exported = JSON.parse(await readFile(out, 'utf8')) as { openapi?: string };
    expect(exported.openapi).to.match(/^3\./);
    expect(JSON.stringify(exported)).to.include('x-amazon-apigateway-authorizer');
  });

  it("fetch-spec with an unknown stage exits 2 with API Gateway's error", async () => {
    setEnv({});
    const io = captureIo();
    const endpoint = new URL(sandbox.apiBaseUrl).origin;
    const code = await main(
      [
        'fetch-spec',
        '--rest-api-id',
        'x',
        '--stage',
        'nope',
        '--region',
        'us-east-1',
        '--endpoint',
        endpoint,
        '--out',
        join(dir, 'never.json'),
      ],
      io,
    );
    expect(code).to.equal(2);
    expect(io.all()).to.include('NotFoundException');
  });

  it('run --tokens-from-sdk hands SDK tokens to newman: the collection never signs the user in', async () => {
    const quiet = { out: () => {}, err: () => {} };
    expect(
      await main(
        ['generate', 'examples/lab-demo-api.yaml', '--for-sandbox', '--out-dir', dir],
        quiet,
      ),
    ).to.equal(0);
    const values = sandboxRunValues(sandbox);
    setEnv({
      GATECHECK_BASE_URL: values.baseUrl ?? '',
      GATECHECK_COGNITO_ENDPOINT: values.cognitoEndpoint ?? '',
      GATECHECK_REGION: values.region ?? '',
      GATECHECK_USER_POOL_ID: values.userPoolId ?? '',
      GATECHECK_CLIENT_ID: values.clientId ?? '',
      GATECHECK_USERNAME: values.username ?? '',
      GATECHECK_PASSWORD: values.password ?? '',
      GATECHECK_SANDBOX_URL: values.sandboxUrl ?? '',
      GATECHECK_SANDBOX_SECRET: values.sandboxSecret ?? '',
    });
    const io = captureIo();
    const code = await main(
      [
        'run',
        join(dir, 'collections', 'lab-demo-api.postman_collection.json'),
        '--tokens-from-sdk',
        '--admin-auth',
        '--reports-dir',
        join(dir, 'reports'),
      ],
      io,
    );
    expect(code, io.all()).to.be.oneOf([0, 1]);
    expect(io.all()).to.match(/checks: \d+ passed/);
    // No Sign-in folder, no on-demand sign-in: the revocation check has no user here, so 0.
    expect(io.all()).to.include('sign-ins: 0');
  });
});
