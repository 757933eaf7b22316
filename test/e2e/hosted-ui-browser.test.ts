/**
 * The managed login page's authorization code + PKCE flow in a real browser (Debian's chromium,
 * driven by playwright-core): open /oauth2/authorize, type the user name and password, follow
 * the redirect, exchange the code with its verifier at /oauth2/token, and call a method whose
 * `email` scope no API sign-in token carries.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { chromium, type BrowserContext } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

const chromiumPath = '/usr/bin/chromium';

describe('Hosted UI code + PKCE flow in headless chromium @slow', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let browser: BrowserContext;
  let profile: string;
  let callbackServer: Server;
  let callback: string;
  let clientId: string;
  /** Query strings the loopback callback received, newest last. */
  const received: URL[] = [];

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`      skipped: no browser at ${chromiumPath} (apt-get install chromium)`);
      this.skip();
    }
    profile = await mkdtemp(join(tmpdir(), 'gatecheck-chromium-'));
    sandbox = await startSandbox({
      specPath: 'examples/token-header-api.yaml',
      preTokenGenerationTrigger: false,
    });
    // A fresh profile directory: playwright takes it as the persistent context's user data dir.
    // A real loopback redirect target, registered on an app client created through the SDK.
    callbackServer = createServer((req, res) => {
      received.push(new URL(req.url ?? '/', callback));
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('signed in');
    });
    await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
    callback = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;
    const sdk = new CognitoIdentityProviderClient({
      endpoint: sandbox.cognitoEndpoint,
      region: sandbox.region,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    const created = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: sandbox.userPoolId,
        ClientName: 'browser-test',
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [callback],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    sdk.destroy();
    clientId = created.UserPoolClient?.ClientId ?? '';
    browser = await chromium.launchPersistentContext(profile, {
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
    await browser?.close();
    callbackServer?.close();
    await sandbox?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  /** Signs the main user in on the login page; resolves to the callback URL the browser reached. */
  async function signInInBrowser(authorizeUrl: string): Promise<URL> {
    const user = sandbox.users.find((u) => u.role === 'main');
    if (!user) throw new Error('no main user');
    const page = await browser.newPage();
    try {
      const before = received.length;
      await page.goto(authorizeUrl);
      await page.fill('#username', user.username);
      await page.fill('#password', user.password);
      await Promise.all([page.waitForURL(`${callback}**`), page.click('#signin')]);
      const reached = received[before];
      if (!reached) throw new Error('the browser never reached the callback');
      expect(page.url()).to.equal(reached.toString());
      return reached;
    } finally {
      await page.close();
    }
  }

  it('the code, redeemed with its verifier, gives an access token the email-scoped method accepts', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(8).toString('hex');
    const authorize = new URL(`${sandbox.cognitoDomain}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: callback,
      scope: 'openid email',
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const reached = await signInInBrowser(authorize.toString());
    expect(reached.searchParams.get('state')).to.equal(state);
    const code = reached.searchParams.get('code');
    expect(code).to.be.a('string');

    const exchange = await fetch(`${sandbox.cognitoDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: code ?? '',
        redirect_uri: callback,
        code_verifier: verifier,
      }).toString(),
    });
    expect(exchange.status).to.equal(200);
    const tokens = (await exchange.json()) as { access_token: string; refresh_token: string };
    expect(tokens.refresh_token).to.be.a('string');

    const profileCall = await fetch(`${sandbox.apiBaseUrl}/profile`, {
      headers: { Token: `Bearer ${tokens.access_token}` },
    });
    expect(profileCall.status).to.equal(200);
  });

  it('an API sign-in access token (only aws.cognito.signin.user.admin) is refused by the email-scoped method', async () => {
    const user = sandbox.users.find((u) => u.role === 'main');
    const sdk = new CognitoIdentityProviderClient({
      endpoint: sandbox.cognitoEndpoint,
      region: sandbox.region,
    });
    const signIn = await sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: sandbox.clientId,
        AuthParameters: { USERNAME: user?.username ?? '', PASSWORD: user?.password ?? '' },
      }),
    );
    sdk.destroy();
    const response = await fetch(`${sandbox.apiBaseUrl}/profile`, {
      headers: { Token: `Bearer ${signIn.AuthenticationResult?.AccessToken ?? ''}` },
    });
    expect(response.status).to.equal(401);
  });

  it('a code asked for with a challenge is refused without the matching verifier', async () => {
    const authorize = new URL(`${sandbox.cognitoDomain}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: callback,
      scope: 'openid email',
      code_challenge: createHash('sha256').update('x'.repeat(43)).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const code = (await signInInBrowser(authorize.toString())).searchParams.get('code') ?? '';
    const exchange = await fetch(`${sandbox.cognitoDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: callback,
        code_verifier: 'y'.repeat(43),
      }).toString(),
    });
    expect(exchange.status).to.equal(400);
    expect(await exchange.json()).to.deep.equal({ error: 'invalid_grant' });
  });
});
