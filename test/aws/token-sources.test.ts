/**
 * `gatecheck tokens` with each token source against the sandbox, in-process: SRP, client
 * credentials at the domain's /oauth2/token, a refresh token kept in a .env file, and the bad
 * inputs that must be one line naming Cognito's answer and what to change (exit 2).
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { main } from '../../generators/cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { captureIo } from '../run/helpers.js';

describe('gatecheck tokens: sign-in, client credentials, refresh token (sandbox)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let dir: string;
  let user: { username: string; password: string };
  /** A confidential client that only has the code flow. */
  let codeOnly: { clientId: string; clientSecret: string };
  /** A client with USER_PASSWORD_AUTH only. */
  let passwordOnly: string;
  const saved = { ...process.env };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-token-sources-'));
    sandbox = await startSandbox({ specPath: 'examples/orders-export-api.json' });
    const main = sandbox.users.find((u) => u.role === 'main');
    if (!main) throw new Error('no main user');
    user = main;
    const sdk = new CognitoIdentityProviderClient({
      endpoint: sandbox.cognitoEndpoint,
      region: sandbox.region,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    const code = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: sandbox.userPoolId,
        ClientName: 'code-only',
        GenerateSecret: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'orders/read'],
        CallbackURLs: ['http://127.0.0.1:8765/callback'],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    codeOnly = {
      clientId: code.UserPoolClient?.ClientId ?? '',
      clientSecret: code.UserPoolClient?.ClientSecret ?? '',
    };
    const password = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: sandbox.userPoolId,
        ClientName: 'password-only',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    passwordOnly = password.UserPoolClient?.ClientId ?? '';
    sdk.destroy();
  });
  after(async () => {
    process.env = saved;
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  /** Only the given GATECHECK_* values, with the sandbox's pool and endpoint. */
  function setEnv(values: Record<string, string>): void {
    for (const key of Object.keys(process.env)) {
      if (key.startsWith('GATECHECK_') || key.startsWith('AWS_')) delete process.env[key];
    }
    Object.assign(process.env, {
      GATECHECK_USER_POOL_ID: sandbox.userPoolId,
      GATECHECK_REGION: sandbox.region,
      GATECHECK_COGNITO_ENDPOINT: sandbox.cognitoEndpoint,
      ...values,
    });
  }

  const asUser = () => ({
    GATECHECK_CLIENT_ID: sandbox.clientId,
    GATECHECK_USERNAME: user.username,
    GATECHECK_PASSWORD: user.password,
  });
  const asMachine = () => ({
    GATECHECK_MACHINE_CLIENT_ID: sandbox.machineClient?.clientId ?? '',
    GATECHECK_MACHINE_CLIENT_SECRET: sandbox.machineClient?.clientSecret ?? '',
    GATECHECK_COGNITO_DOMAIN: sandbox.cognitoDomain,
  });

  async function tokens(args: string[]) {
    const io = captureIo();
    const code = await main(['tokens', '--env-file', '/dev/null', ...args], io);
    return { code, io, text: io.all() };
  }

  it('SRP (USER_SRP_AUTH) signs in and shows the claims, never a token or the password', async () => {
    setEnv({ ...asUser(), GATECHECK_AUTH_FLOW: 'USER_SRP_AUTH' });
    const { code, text } = await tokens([]);
    expect(code, text).to.equal(0);
    expect(text).to.include(`signed in as ${user.username}`);
    expect(text).to.include('token_use=id');
    expect(text).to.not.match(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(text).to.not.include(user.password);
  });

  it('client credentials: a machine token with the spec’s resource-server scope, no user', async () => {
    setEnv(asMachine());
    const { code, text } = await tokens([
      '--client-credentials',
      '--spec',
      'examples/orders-export-api.json',
    ]);
    expect(code, text).to.equal(0);
    expect(text).to.include(
      `signed in as app client ${sandbox.machineClient?.clientId} (client credentials, no user)`,
    );
    expect(text).to.include('scope="orders/read"');
    expect(text).to.include('ID token: not received');
    expect(text).to.include('refresh token: not received');
    expect(text).to.not.include(sandbox.machineClient?.clientSecret ?? '(none)');
  });

  it('client credentials with --refresh-token-file: refused before any request, nothing written', async () => {
    setEnv(asMachine());
    const file = join(dir, 'never.env');
    const { code, io } = await tokens(['--client-credentials', '--refresh-token-file', file]);
    expect(code).to.equal(2);
    expect(io.outLines).to.deep.equal([]);
    expect(io.errLines).to.deep.equal([
      'gatecheck: client credentials give no refresh token to write. Leave out --refresh-token-file, or sign in as a user (--hosted-ui or an API sign-in)',
    ]);
    expect(existsSync(file)).to.equal(false);
  });

  it('client credentials with the run’s app client when it lacks the flow: unauthorized_client and the setting to change', async () => {
    setEnv({
      GATECHECK_CLIENT_ID: codeOnly.clientId,
      GATECHECK_CLIENT_SECRET: codeOnly.clientSecret,
      GATECHECK_COGNITO_DOMAIN: sandbox.cognitoDomain,
    });
    const { code, io } = await tokens(['--client-credentials', '--scope', 'orders/read']);
    expect(code).to.equal(2);
    expect(io.errLines).to.deep.equal([
      `gatecheck: Cognito's token endpoint refused the client_credentials grant: unauthorized_client (HTTP 400). Add "client_credentials" to the app client's AllowedOAuthFlows and set AllowedOAuthFlowsUserPoolClient to true (UpdateUserPoolClient), or use a client that has them`,
    ]);
    expect(io.all()).to.not.include(codeOnly.clientSecret);
  });

  it('OAuth scopes without a user pool domain: one line saying where they come from and what to set', async () => {
    setEnv({ ...asMachine(), GATECHECK_COGNITO_DOMAIN: '' });
    const { code, io } = await tokens(['--client-credentials', '--scope', 'orders/read']);
    expect(code).to.equal(2);
    expect(io.errLines).to.have.length(1);
    expect(io.errLines[0]).to.include(
      "the scopes orders/read come only from the user pool domain's /oauth2/token, and no domain is set",
    );
    expect(io.errLines[0]).to.include('set GATECHECK_COGNITO_DOMAIN');
  });

  it('a domain prefix the pool does not have: one line, exit 2', async () => {
    setEnv({
      ...asMachine(),
      GATECHECK_COGNITO_DOMAIN: sandbox.cognitoDomain.replace(/[^/]+$/, 'no-such-prefix'),
    });
    const { code, io } = await tokens(['--client-credentials']);
    expect(code).to.equal(2);
    expect(io.errLines).to.have.length(1);
    expect(io.errLines[0]).to.match(
      /cannot reach the user pool domain .*no-such-prefix \(HTTP 404/,
    );
  });

  it('scopes asked of an API sign-in: says which sources can give them', async () => {
    setEnv(asUser());
    const { code, io } = await tokens(['--scope', 'orders/read']);
    expect(code).to.equal(2);
    expect(io.errLines[0]).to.include(
      'an API sign-in cannot give the scopes orders/read: its access token carries only aws.cognito.signin.user.admin',
    );
  });

  it("an unknown authFlow: Cognito's validation error and the flows to choose from", async () => {
    setEnv({ ...asUser(), GATECHECK_AUTH_FLOW: 'USER_SPR_AUTH' });
    const { code, io } = await tokens([]);
    expect(code).to.equal(2);
    expect(io.errLines).to.have.length(1);
    expect(io.errLines[0]).to.include(
      "Cognito sign-in failed: InvalidParameterException: 1 validation error detected: Value 'USER_SPR_AUTH' at 'authFlow' failed to satisfy constraint",
    );
    expect(io.errLines[0]).to.include(
      'set GATECHECK_AUTH_FLOW (authFlow) to a flow the client allows (USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH)',
    );
    expect(io.all()).to.not.include(user.password);
  });

  it('an admin flow as authFlow: Cognito refuses it for InitiateAuth, the line points to --admin-auth', async () => {
    setEnv({ ...asUser(), GATECHECK_AUTH_FLOW: 'ADMIN_USER_PASSWORD_AUTH' });
    const { code, io } = await tokens([]);
    expect(code).to.equal(2);
    expect(io.errLines[0]).to.include(
      'InvalidParameterException: Initiate Auth method not supported.',
    );
    expect(io.errLines[0]).to.include('pass --admin-auth');
  });

  it('a client without the flow enabled: Cognito’s error and the ExplicitAuthFlows value to add', async () => {
    setEnv({ ...asUser(), GATECHECK_CLIENT_ID: passwordOnly });
    const { code, io } = await tokens([]);
    expect(code).to.equal(2);
    expect(io.errLines).to.deep.equal([
      "gatecheck: Cognito sign-in failed: InvalidParameterException: Auth flow not enabled for this client. Add ALLOW_USER_SRP_AUTH to the app client's ExplicitAuthFlows, or set GATECHECK_AUTH_FLOW (authFlow) to a flow the client allows (USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH)",
    ]);
  });

  it('--refresh-token-file keeps the refresh token (mode 600, never printed); GATECHECK_REFRESH_TOKEN then signs in without a password', async () => {
    const file = join(dir, 'refresh.env');
    setEnv(asUser());
    const first = await tokens(['--refresh-token-file', file]);
    expect(first.code, first.text).to.equal(0);
    const saved = await readFile(file, 'utf8');
    const refreshToken = /^GATECHECK_REFRESH_TOKEN=(.+)$/m.exec(saved)?.[1] ?? '';
    expect(refreshToken).to.have.length.greaterThan(20);
    expect(first.text).to.not.include(refreshToken);
    expect(first.text).to.include(`refresh token written to ${file} as GATECHECK_REFRESH_TOKEN`);
    expect((await stat(file)).mode & 0o777).to.equal(0o600);

    setEnv({ GATECHECK_CLIENT_ID: sandbox.clientId });
    const io = captureIo();
    const code = await main(['tokens', '--env-file', file], io);
    expect(code, io.all()).to.equal(0);
    expect(io.all()).to.include(`signed in as ${user.username}`);
    expect(io.all()).to.not.include(refreshToken);
  });

  it('a refresh token Cognito does not know: its error and what to do', async () => {
    setEnv({ GATECHECK_CLIENT_ID: sandbox.clientId, GATECHECK_REFRESH_TOKEN: 'not-a-token' });
    const { code, io } = await tokens([]);
    expect(code).to.equal(2);
    expect(io.errLines[0]).to.include('NotAuthorizedException: Invalid Refresh Token.');
    expect(io.errLines[0]).to.include('sign in again');
  });
});
