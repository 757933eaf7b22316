/**
 * `gatecheck tokens --hosted-ui` end to end: the command prints the /oauth2/authorize URL and
 * listens on its loopback redirect; headless chromium (playwright-core, Debian's /usr/bin/chromium)
 * opens it and fills the sandbox's login page; the command redeems the code with its PKCE
 * verifier and shows the claims. The refresh token goes only to the file asked for, and
 * GATECHECK_REFRESH_TOKEN from that file later refreshes with the grant's scopes kept.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { chromium, type BrowserContext } from 'playwright-core';
import { main } from '../../generators/cli/main.js';
import type { Io } from '../../generators/io.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { freePort } from '../support/local-server.js';

const chromiumPath = '/usr/bin/chromium';

describe('gatecheck tokens --hosted-ui in headless chromium @slow', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let browser: BrowserContext;
  let dir: string;
  let sdk: CognitoIdentityProviderClient;
  const saved = { ...process.env };

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`      skipped: no browser at ${chromiumPath} (apt-get install chromium)`);
      this.skip();
    }
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-hosted-ui-'));
    // No pre token generation trigger: the email scope comes only from the OAuth endpoints.
    sandbox = await startSandbox({
      specPath: 'examples/token-header-api.yaml',
      preTokenGenerationTrigger: false,
    });
    sdk = new CognitoIdentityProviderClient({
      endpoint: sandbox.cognitoEndpoint,
      region: sandbox.region,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  after(async () => {
    process.env = saved;
    await browser?.close();
    sdk?.destroy();
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function appClient(
    callback: string,
    settings: Partial<CreateUserPoolClientCommandInput> = {},
  ): Promise<string> {
    const created = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: sandbox.userPoolId,
        ClientName: 'hosted-ui-cli',
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [callback],
        AllowedOAuthFlowsUserPoolClient: true,
        ...settings,
      }),
    );
    return created.UserPoolClient?.ClientId ?? '';
  }

  function setEnv(clientId: string): void {
    for (const key of Object.keys(process.env)) {
      if (key.startsWith('GATECHECK_') || key.startsWith('AWS_')) delete process.env[key];
    }
    Object.assign(process.env, {
      GATECHECK_CLIENT_ID: clientId,
      GATECHECK_REGION: sandbox.region,
      GATECHECK_USER_POOL_ID: sandbox.userPoolId,
      GATECHECK_COGNITO_ENDPOINT: sandbox.cognitoEndpoint,
      GATECHECK_COGNITO_DOMAIN: sandbox.cognitoDomain,
    });
  }

  /** Runs the command in-process; `onUrl` gets the authorize URL the moment it is printed. */
  async function tokens(args: string[], onUrl?: (url: string) => Promise<void>) {
    const lines: string[] = [];
    const browsing: Promise<void>[] = [];
    const io: Io = {
      out: (line) => {
        lines.push(line);
        const url = /^\s+(http\S+\/oauth2\/authorize\?\S+)$/.exec(line)?.[1];
        if (url && onUrl) browsing.push(onUrl(url));
      },
      err: (line) => lines.push(line),
    };
    const envFile = args.includes('--env-file') ? [] : ['--env-file', '/dev/null'];
    const code = await main(['tokens', ...envFile, ...args], io);
    await Promise.all(browsing);
    return { code, text: lines.join('\n'), lines };
  }

  /** What a person does: open the URL, type the main user's name and password, sign in. */
  async function signInInBrowser(url: string): Promise<void> {
    const user = sandbox.users.find((u) => u.role === 'main');
    if (!user) throw new Error('no main user');
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.fill('#username', user.username);
      await page.fill('#password', user.password);
      await Promise.all([page.waitForURL('http://127.0.0.1:*/callback?**'), page.click('#signin')]);
      expect(await page.textContent('body')).to.include('gatecheck: signed in');
    } finally {
      await page.close();
    }
  }

  it('prints the authorize URL, takes the code on the loopback redirect, shows the claims; its refresh token then runs the checks', async () => {
    const port = await freePort();
    const callback = `http://127.0.0.1:${port}/callback`;
    setEnv(await appClient(callback));
    const file = join(dir, 'hosted-ui.env');
    let authorize: URL | undefined;
    const result = await tokens(
      [
        '--hosted-ui',
        '--spec',
        'examples/token-header-api.yaml',
        '--port',
        String(port),
        '--refresh-token-file',
        file,
      ],
      async (url) => {
        authorize = new URL(url);
        await signInInBrowser(url);
      },
    );
    expect(result.code, result.text).to.equal(0);
    expect(authorize?.origin + (authorize?.pathname ?? '')).to.equal(
      `${sandbox.cognitoDomain}/oauth2/authorize`,
    );
    expect(authorize?.searchParams.get('redirect_uri')).to.equal(callback);
    expect(authorize?.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(authorize?.searchParams.get('scope')).to.equal('openid email');
    expect(result.text).to.include(`waiting for the redirect to ${callback}`);
    const user = sandbox.users.find((u) => u.role === 'main');
    expect(result.text).to.include(`signed in as ${user?.username}`);
    expect(result.text).to.include('scope="openid email"');
    expect(result.text).to.include('ID token: token_use=id');
    // The tokens are never printed; the refresh token is only in the file asked for.
    expect(result.text).to.not.match(/eyJ[A-Za-z0-9_-]{10,}/);
    const refreshToken = /^GATECHECK_REFRESH_TOKEN=(.+)$/m.exec(await readFile(file, 'utf8'))?.[1];
    expect(refreshToken).to.be.a('string');
    expect(result.text).to.not.include(refreshToken ?? '(none)');

    // Later, without a browser: the refresh token at /oauth2/token keeps the grant's scopes.
    const refreshed = await tokens(['--env-file', file]);
    expect(refreshed.code, refreshed.text).to.equal(0);
    expect(refreshed.text).to.include('scope="openid email"');
    expect(refreshed.text).to.not.include(refreshToken ?? '(none)');

    // And a run: the refreshed OAuth access token passes the email-scoped method, which no API
    // sign-in token of this pool can (no pre token generation trigger here).
    const quiet = { out: () => {}, err: () => {} };
    expect(
      await main(['generate', 'examples/token-header-api.yaml', '--out-dir', dir], quiet),
    ).to.equal(0);
    process.env.GATECHECK_BASE_URL = sandbox.apiBaseUrl;
    const lines: string[] = [];
    const io: Io = { out: (line) => lines.push(line), err: (line) => lines.push(line) };
    await main(
      [
        'run',
        join(dir, 'collections', 'token-header-api.postman_collection.json'),
        '--tokens-from-sdk',
        '--env-file',
        file,
        '--reports-dir',
        join(dir, 'reports'),
      ],
      io,
    );
    const run = lines.join('\n');
    expect(run).to.match(/GET \/profile · positive: passed/);
    expect(run).to.not.include(refreshToken ?? '(none)');
  });

  it('a callback the app client does not list: redirect_mismatch and what to register, before any browser', async () => {
    const registered = await freePort();
    setEnv(await appClient(`http://127.0.0.1:${registered}/callback`));
    const other = await freePort();
    const result = await tokens(['--hosted-ui', '--port', String(other)], () => {
      throw new Error('the URL must not be printed');
    });
    expect(result.code).to.equal(2);
    expect(result.lines).to.deep.equal([
      `gatecheck: Cognito's authorize endpoint refused the sign-in: redirect_mismatch. Add http://127.0.0.1:${other}/callback to the app client's CallbackURLs, or pass --port (and --redirect-host) to match one it has`,
    ]);
  });

  it('a client without the code flow: unauthorized_client and the setting to change', async () => {
    const port = await freePort();
    const callback = `http://127.0.0.1:${port}/callback`;
    setEnv(await appClient(callback, { AllowedOAuthFlows: ['implicit'] }));
    const result = await tokens(['--hosted-ui', '--port', String(port)]);
    expect(result.code).to.equal(2);
    expect(result.lines).to.deep.equal([
      `gatecheck: Cognito's authorize endpoint refused the sign-in: unauthorized_client. Add "code" to the app client's AllowedOAuthFlows and set AllowedOAuthFlowsUserPoolClient to true (UpdateUserPoolClient)`,
    ]);
  });
});
