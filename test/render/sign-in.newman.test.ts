/**
 * The Sign-in folder and the sign-in on demand, run by newman against the sandbox's Cognito
 * stand-in (provisioned through the real AWS SDK) and a tiny API fixture on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import newman, { type NewmanRunSummary } from 'newman';
import { planCollection } from '../../generators/plan/plan-collection.js';
import { renderCollection } from '../../generators/render/render-collection.js';
import type { PostmanCollection, PostmanFolder } from '../../generators/render/postman-types.js';
import { startCognito, type CognitoStandIn } from '../../sandbox/cognito/index.js';
import { startCognitoRecorder, withoutAuthParameter, type Rewrite } from './cognito-recorder.js';
import { demoModel } from './fixtures.js';

const password = 'Gatecheck-Passw0rd!';
const newPassword = 'Gatecheck-N3w-Passw0rd!';

interface Pool {
  poolId: string;
  clientId: string;
  clientSecret?: string;
}

function runNewman(
  collection: object,
  envVar: Array<{ key: string; value: string }>,
  options: { folder?: string; iterationCount?: number; iterationData?: object[] } = {},
): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      { collection, envVar, reporters: process.env.DBG ? ['cli'] : [], ...options },
      (error: Error | null, summary: NewmanRunSummary) =>
        error ? reject(error) : resolve(summary),
    );
  });
}

/**
 * A run, and the collection variables as its last script left them: what the Postman app keeps
 * between two runs (newman's summary holds the variables the run started with).
 */
function runNewmanKeeping(
  collection: object,
  envVar: Array<{ key: string; value: string }>,
): Promise<{
  summary: NewmanRunSummary;
  kept: Array<{ key: string; value: string }>;
  logged: string[];
}> {
  return new Promise((resolve, reject) => {
    let kept: Array<{ key: string; value: string }> = [];
    const logged: string[] = [];
    type ScriptEvent = {
      executions?: Array<{
        result?: { collectionVariables?: { values?: Array<{ key?: string; value?: unknown }> } };
      }>;
    };
    const keep = (_error: unknown, event: ScriptEvent) => {
      const values = event.executions?.at(-1)?.result?.collectionVariables?.values;
      if (values) kept = values.map((v) => ({ key: v.key ?? '', value: String(v.value ?? '') }));
    };
    newman
      .run(
        { collection, envVar, reporters: [] },
        (error: Error | null, summary: NewmanRunSummary) =>
          error ? reject(error) : resolve({ summary, kept, logged }),
      )
      .on('prerequest', keep)
      .on('test', keep)
      .on('console', (_error: unknown, event: { messages?: unknown[] }) => {
        logged.push((event.messages ?? []).map(String).join(' '));
      });
  });
}

function failures(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map((f) => `${f.source?.name ?? '?'}: ${f.error.message}`);
}

const probedKeys = ['idToken', 'accessToken', 'refreshToken', 'tokenExpiresAt'];
/** The pending challenge a sign-in on demand leaves for a pasted code. */
const challengeKeys = [
  'gatecheck.challengeName',
  'gatecheck.session',
  'gatecheck.challengeParameters',
  'gatecheck.challengeOwner',
];

/** A request showing the API fixture what the collection variables hold. */
function probeItem(keys: string[]) {
  return {
    id: 'probe',
    name: 'probe',
    request: {
      method: 'GET',
      url: '{{baseUrl}}/probe',
      header: keys.map((key) => ({ key: `x-${key}`, value: `{{${key}}}` })),
    },
  };
}

/** What the probe request carried (see `signIn`). */
let probed: Record<string, string> = {};

function collectionVariable(_summary: NewmanRunSummary, key: string): string {
  return probed[key] ?? '';
}

function requestNames(summary: NewmanRunSummary): string[] {
  // newman lists an item once more for each pm.sendRequest its scripts made (same cursor.ref).
  const seen = new Set<string>();
  return summary.run.executions
    .filter((e) => {
      const ref = (e.cursor as { ref?: string }).ref ?? '';
      if (e.item.name === 'probe' || seen.has(ref)) return false;
      seen.add(ref);
      return true;
    })
    .map((e) => e.item.name);
}

describe('Sign-in folder against the Cognito stand-in (newman)', function () {
  let cognito: CognitoStandIn;
  let sdk: CognitoIdentityProviderClient;
  let api: Server;
  let apiUrl: string;
  const seenTokens: string[] = [];
  // Generated for the sandbox: the stand-in's outbox gives the one-time codes.
  const collection: PostmanCollection = renderCollection(demoModel, planCollection(demoModel), {
    forSandbox: true,
  });

  before(async () => {
    cognito = await startCognito();
    sdk = new CognitoIdentityProviderClient({
      region: cognito.region,
      endpoint: cognito.endpoint,
      credentials: { accessKeyId: 'AKIDGATECHECK', secretAccessKey: 'gatecheck-test' },
      maxAttempts: 1,
    });
    // The API fixture answers like the lab Lambda behind an authorizer it trusts blindly.
    api = createServer((req, res) => {
      if (req.url === '/probe') {
        for (const key of [...probedKeys, ...challengeKeys]) {
          probed[key] = String(req.headers[`x-${key.toLowerCase()}`] ?? '');
        }
        res.end('{}');
        return;
      }
      const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      seenTokens.push(token);
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('x-amzn-RequestId', '00000000-0000-4000-8000-000000000001');
      res.statusCode = token.startsWith('eyJ') ? 200 : 401;
      res.end(JSON.stringify({ message: token ? 'Hello from Lambda!' : 'Unauthorized' }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });

  after(async () => {
    sdk?.destroy();
    await cognito?.stop();
    await new Promise<void>((resolve) => (api ? api.close(() => resolve()) : resolve()));
  });

  async function pool(
    options: {
      secret?: boolean;
      mfa?: 'OFF' | 'OPTIONAL';
      firstFactors?: Array<'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP'>;
    } = {},
  ): Promise<Pool> {
    const { UserPool } = await sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'gatecheck-sign-in',
        UserPoolTier: 'ESSENTIALS',
        MfaConfiguration: options.mfa ?? 'OFF',
        Policies: {
          SignInPolicy: {
            AllowedFirstAuthFactors: options.firstFactors ?? ['PASSWORD', 'EMAIL_OTP'],
          },
        },
      }),
    );
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id,
        ClientName: 'gatecheck',
        GenerateSecret: options.secret ?? false,
        ExplicitAuthFlows: [
          'ALLOW_USER_SRP_AUTH',
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_USER_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
      }),
    );
    return {
      poolId: UserPool?.Id ?? '',
      clientId: UserPoolClient?.ClientId ?? '',
      ...(UserPoolClient?.ClientSecret ? { clientSecret: UserPoolClient.ClientSecret } : {}),
    };
  }

  async function user(
    target: Pool,
    username: string,
    permanent = true,
    phoneNumber?: string,
  ): Promise<void> {
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: target.poolId,
        Username: username,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `${username}@example.com` },
          { Name: 'email_verified', Value: 'true' },
          ...(phoneNumber
            ? [
                { Name: 'phone_number', Value: phoneNumber },
                { Name: 'phone_number_verified', Value: 'true' },
              ]
            : []),
        ],
      }),
    );
    if (permanent) {
      await sdk.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: target.poolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
    }
  }

  function env(target: Pool, username: string, extra: Record<string, string> = {}) {
    const values: Record<string, string> = {
      baseUrl: apiUrl,
      region: cognito.region,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: target.poolId,
      clientId: target.clientId,
      username,
      password,
      clientSecret: target.clientSecret ?? '',
      sandboxUrl: cognito.url,
      sandboxSecret: cognito.testSecret,
      ...extra,
    };
    return Object.entries(values).map(([key, value]) => ({ key, value }));
  }

  /**
   * Runs the Sign-in folder, then a probe request that shows the API fixture what the collection
   * variables hold (newman's summary does not carry run-time collection variables).
   */
  async function signIn(envVar: Array<{ key: string; value: string }>) {
    const signInFolder = collection.item.find((item) => item.name === 'Sign-in');
    const probe = probeItem(probedKeys);
    probed = {};
    const summary = await runNewman({ ...collection, item: [signInFolder, probe] }, envVar);
    return summary;
  }

  it('USER_PASSWORD_AUTH with a client secret: SECRET_HASH, tokens captured, refresh works', async () => {
    const target = await pool({ secret: true });
    await user(target, 'ada');
    const summary = await signIn(env(target, 'ada', { authFlow: 'USER_PASSWORD_AUTH' }));
    expect(failures(summary)).to.deep.equal([]);
    expect(requestNames(summary)).to.deep.equal([
      'Sign in (InitiateAuth)',
      'Refresh tokens (InitiateAuth REFRESH_TOKEN_AUTH)',
    ]);
    expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
    expect(collectionVariable(summary, 'accessToken')).to.match(/^eyJ/);
    expect(collectionVariable(summary, 'refreshToken')).to.have.length.above(20);
    expect(Number(collectionVariable(summary, 'tokenExpiresAt'))).to.be.above(Date.now());
  });

  it('USER_SRP_AUTH (the default) with a client secret: PASSWORD_VERIFIER answered, refresh works', async () => {
    const target = await pool({ secret: true });
    await user(target, 'ivan');
    const recorder = await startCognitoRecorder(cognito.endpoint);
    try {
      const summary = await signIn(env(target, 'ivan', { cognitoEndpoint: recorder.endpoint }));
      expect(failures(summary)).to.deep.equal([]);
      expect(recorder.calls.map((c) => `${c.operation} ${c.step} → ${c.outcome}`)).to.deep.equal([
        'InitiateAuth USER_SRP_AUTH → PASSWORD_VERIFIER',
        'RespondToAuthChallenge PASSWORD_VERIFIER → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
    } finally {
      await recorder.close();
    }
    expect(probed.idToken).to.match(/^eyJ/);
  });

  it('USER_AUTH + PASSWORD_SRP: SRP_A travels with the preference, PASSWORD_VERIFIER follows', async () => {
    const target = await pool();
    await user(target, 'olga');
    const summary = await signIn(
      env(target, 'olga', { authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' }),
    );
    expect(failures(summary)).to.deep.equal([]);
    expect(collectionVariable(summary, 'accessToken')).to.match(/^eyJ/);
  });

  it('USER_AUTH + PASSWORD_SRP through SELECT_CHALLENGE: ANSWER=PASSWORD_SRP with SRP_A', async () => {
    const target = await pool({ firstFactors: ['EMAIL_OTP', 'PASSWORD'] });
    await user(target, 'pavel');
    const recorder = await startCognitoRecorder(
      cognito.endpoint,
      withoutAuthParameter('PREFERRED_CHALLENGE'),
    );
    try {
      const summary = await signIn(
        env(target, 'pavel', {
          authFlow: 'USER_AUTH',
          preferredChallenge: 'PASSWORD_SRP',
          cognitoEndpoint: recorder.endpoint,
        }),
      );
      expect(failures(summary)).to.deep.equal([]);
      expect(
        recorder.calls.map(
          (c) => `${c.operation} ${c.step}${c.answer ? `=${c.answer}` : ''} → ${c.outcome}`,
        ),
      ).to.deep.equal([
        'InitiateAuth USER_AUTH → SELECT_CHALLENGE',
        'RespondToAuthChallenge SELECT_CHALLENGE=PASSWORD_SRP → PASSWORD_VERIFIER',
        'RespondToAuthChallenge PASSWORD_VERIFIER → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
    } finally {
      await recorder.close();
    }
  });

  it('USER_AUTH + EMAIL_OTP: the code is read from the sandbox outbox', async () => {
    const target = await pool();
    await user(target, 'grace');
    const summary = await signIn(
      env(target, 'grace', {
        authFlow: 'USER_AUTH',
        preferredChallenge: 'EMAIL_OTP',
        password: '',
      }),
    );
    expect(failures(summary)).to.deep.equal([]);
    expect(requestNames(summary)).to.deep.equal([
      'Sign in (InitiateAuth)',
      'Answer challenge (RespondToAuthChallenge)',
      'Refresh tokens (InitiateAuth REFRESH_TOKEN_AUTH)',
    ]);
    expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
  });

  it('a collection for AWS never asks sandboxUrl for the code, and names no sandbox path', async () => {
    const target = await pool();
    await user(target, 'hedy');
    const forAws = renderCollection(demoModel, planCollection(demoModel));
    expect(JSON.stringify(forAws)).to.not.include('/__sandbox/');
    const signInFolder = forAws.item.find((item) => item.name === 'Sign-in');
    probed = {};
    const summary = await runNewman(
      { ...forAws, item: [signInFolder, probeItem(probedKeys)] },
      env(target, 'hedy', { authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP', password: '' }),
    );
    expect(failures(summary).join('\n')).to.contain(
      'paste the code from your email into otpCode and send again (this collection is for AWS: generate it with --for-sandbox to read codes from the sandbox)',
    );
    expect(collectionVariable(summary, 'idToken')).to.equal('');
  });

  it('USER_AUTH without a preference: SELECT_CHALLENGE answered with PASSWORD', async () => {
    const target = await pool();
    await user(target, 'linus');
    const summary = await signIn(env(target, 'linus', { authFlow: 'USER_AUTH' }));
    expect(failures(summary)).to.deep.equal([]);
    expect(requestNames(summary)).to.include('Answer challenge (RespondToAuthChallenge)');
    expect(collectionVariable(summary, 'accessToken')).to.match(/^eyJ/);
  });

  it('USER_AUTH + SMS_OTP: the code is read from the sandbox outbox (sent by SMS)', async () => {
    const target = await pool({ firstFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] });
    await user(target, 'katherine', true, '+15555550123');
    const summary = await signIn(
      env(target, 'katherine', {
        authFlow: 'USER_AUTH',
        preferredChallenge: 'SMS_OTP',
        password: '',
      }),
    );
    expect(failures(summary)).to.deep.equal([]);
    expect(requestNames(summary)).to.deep.equal([
      'Sign in (InitiateAuth)',
      'Answer challenge (RespondToAuthChallenge)',
      'Refresh tokens (InitiateAuth REFRESH_TOKEN_AUTH)',
    ]);
    // The code the collection answered with went out by SMS, not by e-mail.
    expect(cognito.latestCode('katherine', target.poolId)?.medium).to.equal('SMS');
    expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
    expect(collectionVariable(summary, 'accessToken')).to.match(/^eyJ/);
  });

  describe('USER_AUTH + PASSWORD: each way Cognito may answer', () => {
    /**
     * Signs in through a recorder in front of the stand-in, which may rewrite a request so that
     * Cognito answers as its configuration alone would not make it.
     */
    async function signInRecorded(
      target: Pool,
      username: string,
      rewrite?: Rewrite,
    ): Promise<{ summary: NewmanRunSummary; calls: string[] }> {
      const recorder = await startCognitoRecorder(cognito.endpoint, rewrite);
      try {
        const summary = await signIn(
          env(target, username, {
            authFlow: 'USER_AUTH',
            preferredChallenge: 'PASSWORD',
            cognitoEndpoint: recorder.endpoint,
          }),
        );
        const calls = recorder.calls.map(
          (call) =>
            `${call.operation} ${call.step}${call.answer ? `=${call.answer}` : ''} → ${call.outcome}`,
        );
        return { summary, calls };
      } finally {
        await recorder.close();
      }
    }

    it('tokens at once: the password travels with the preference', async () => {
      const target = await pool();
      await user(target, 'dennis');
      const { summary, calls } = await signInRecorded(target, 'dennis');
      expect(failures(summary)).to.deep.equal([]);
      expect(calls).to.deep.equal([
        'InitiateAuth USER_AUTH → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
      expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
    });

    // The stand-in answers a PASSWORD challenge only when InitiateAuth carries no password, which
    // the collection always sends with this preference: the recorder takes it out.
    it('a PASSWORD challenge is answered with the password', async () => {
      const target = await pool();
      await user(target, 'ken');
      const { summary, calls } = await signInRecorded(
        target,
        'ken',
        withoutAuthParameter('PASSWORD'),
      );
      expect(failures(summary)).to.deep.equal([]);
      expect(calls).to.deep.equal([
        'InitiateAuth USER_AUTH → PASSWORD',
        'RespondToAuthChallenge PASSWORD → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
      expect(collectionVariable(summary, 'accessToken')).to.match(/^eyJ/);
    });

    // Cognito offers a choice when the preference does not reach it (recorder), listing EMAIL_OTP
    // first: the collection still picks the password it prefers.
    it('SELECT_CHALLENGE offering PASSWORD is answered with PASSWORD', async () => {
      const target = await pool({ firstFactors: ['EMAIL_OTP', 'PASSWORD'] });
      await user(target, 'donald');
      const { summary, calls } = await signInRecorded(
        target,
        'donald',
        withoutAuthParameter('PREFERRED_CHALLENGE'),
      );
      expect(failures(summary)).to.deep.equal([]);
      expect(calls).to.deep.equal([
        'InitiateAuth USER_AUTH → SELECT_CHALLENGE',
        'RespondToAuthChallenge SELECT_CHALLENGE=PASSWORD → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
      expect(cognito.latestCode('donald', target.poolId), 'no code was sent').to.equal(undefined);
    });

    // Configuration alone: a pool whose first factors exclude PASSWORD answers SELECT_CHALLENGE
    // without it, and the collection falls back to a one-time code.
    it('SELECT_CHALLENGE without PASSWORD (pool allows EMAIL_OTP only) falls back to EMAIL_OTP', async () => {
      const target = await pool({ firstFactors: ['EMAIL_OTP'] });
      await user(target, 'frances');
      const { summary, calls } = await signInRecorded(target, 'frances');
      expect(failures(summary)).to.deep.equal([]);
      expect(calls).to.deep.equal([
        'InitiateAuth USER_AUTH → SELECT_CHALLENGE',
        'RespondToAuthChallenge SELECT_CHALLENGE=EMAIL_OTP → EMAIL_OTP',
        'RespondToAuthChallenge EMAIL_OTP → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
      expect(cognito.latestCode('frances', target.poolId)?.medium).to.equal('EMAIL');
      expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
    });
  });

  it('NEW_PASSWORD_REQUIRED is answered with newPassword', async () => {
    const target = await pool();
    await user(target, 'barbara', false);
    const summary = await signIn(env(target, 'barbara', { newPassword }));
    expect(failures(summary)).to.deep.equal([]);
    expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
  });

  it('SOFTWARE_TOKEN_MFA after the password: the TOTP code comes from the sandbox', async () => {
    const target = await pool({ mfa: 'OPTIONAL' });
    await user(target, 'margaret');
    cognito.enableSoftwareTokenMfa(target.poolId, 'margaret');
    const summary = await signIn(env(target, 'margaret'));
    expect(failures(summary)).to.deep.equal([]);
    expect(requestNames(summary)).to.include('Answer challenge (RespondToAuthChallenge)');
    expect(collectionVariable(summary, 'idToken')).to.match(/^eyJ/);
  });

  it("a wrong password stops the run and names Cognito's error", async () => {
    const target = await pool();
    await user(target, 'eve');
    const summary = await runNewman(
      collection,
      env(target, 'eve', { password: 'wrong', authFlow: 'USER_PASSWORD_AUTH' }),
    );
    expect(requestNames(summary)).to.deep.equal(['Sign in (InitiateAuth)']);
    expect(failures(summary).join('\n')).to.match(
      /NotAuthorizedException: Incorrect username or password\./,
    );
  });

  it('an unknown authFlow goes to Cognito as given, and its validation error stops the run', async () => {
    const target = await pool();
    await user(target, 'trudy');
    const summary = await runNewman(
      collection,
      env(target, 'trudy', { authFlow: 'USER_SPR_AUTH' }),
    );
    expect(requestNames(summary)).to.deep.equal(['Sign in (InitiateAuth)']);
    expect(failures(summary).join('\n')).to.contain(
      "InvalidParameterException: 1 validation error detected: Value 'USER_SPR_AUTH' at 'authFlow'",
    );
  });

  it("a client without ALLOW_USER_SRP_AUTH: Cognito's error stops the run", async () => {
    const target = await pool();
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: target.poolId,
        ClientName: 'password-only',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    await user(target, 'victor');
    const summary = await runNewman(
      collection,
      env({ ...target, clientId: UserPoolClient?.ClientId ?? '' }, 'victor'),
    );
    expect(failures(summary).join('\n')).to.contain(
      'InvalidParameterException: Auth flow not enabled for this client',
    );
  });

  it("SRP with a wrong password: the claim is refused, the run stops and names Cognito's error", async () => {
    const target = await pool();
    await user(target, 'mallory');
    const summary = await runNewman(collection, env(target, 'mallory', { password: 'wrong' }));
    expect(requestNames(summary)).to.deep.equal([
      'Sign in (InitiateAuth)',
      'Answer challenge (RespondToAuthChallenge)',
    ]);
    expect(failures(summary).join('\n')).to.match(
      /NotAuthorizedException: Incorrect username or password\./,
    );
  });

  it('signs in on demand, once, when a request is sent without the Sign-in folder', async () => {
    const target = await pool({ secret: true });
    await user(target, 'alan');
    const folder = collection.item.find((i) => i.name === 'GET /demo') as PostmanFolder;
    const positiveOnly = { ...collection, item: [{ ...folder, item: folder.item.slice(0, 1) }] };
    seenTokens.length = 0;
    const summary = await runNewman(positiveOnly, env(target, 'alan'), { iterationCount: 2 });
    expect(failures(summary)).to.deep.equal([]);
    expect(seenTokens).to.have.length(2);
    expect(seenTokens[0]).to.match(/^eyJ/);
    expect(seenTokens[1], 'the second request reuses the tokens').to.equal(seenTokens[0]);
  });

  it('Postman app, emailed code: stops asking for the code, then answers the same session with it', async () => {
    const target = await pool();
    await user(target, 'rosalind');
    const folder = collection.item.find((i) => i.name === 'GET /demo') as PostmanFolder;
    const positiveOnly = {
      ...collection,
      item: [
        { ...folder, item: folder.item.slice(0, 1) },
        probeItem([...probedKeys, ...challengeKeys]),
      ],
    };
    const app = env(target, 'rosalind', {
      authFlow: 'USER_AUTH',
      preferredChallenge: 'EMAIL_OTP',
      password: '',
      sandboxUrl: '',
    });
    probed = {};
    const first = await runNewman(positiveOnly, app);
    expect(failures(first).join('\n')).to.contain(
      'paste the code from your email into otpCode and send again',
    );
    expect(probed['gatecheck.challengeName']).to.equal('EMAIL_OTP');
    const code = cognito.latestCode('rosalind', target.poolId)?.code ?? '';
    expect(code).to.match(/^\d{8}$/);
    // The next send, with the pasted code and what the first one left: tokens, no new code sent.
    const pending = challengeKeys.map((key) => ({ key, value: probed[key] ?? '' }));
    probed = {};
    seenTokens.length = 0;
    const second = await runNewman(positiveOnly, [
      ...app,
      ...pending,
      { key: 'otpCode', value: code },
    ]);
    expect(failures(second)).to.deep.equal([]);
    expect(seenTokens[0]).to.match(/^eyJ/);
    expect(cognito.latestCode('rosalind', target.poolId)?.code, 'no new code').to.equal(code);
  });

  it('Postman app, Run collection, emailed code: stops at once asking for the code, no empty answer sent; the next run answers that session', async () => {
    const target = await pool();
    await user(target, 'dorothy');
    const app = env(target, 'dorothy', {
      authFlow: 'USER_AUTH',
      preferredChallenge: 'EMAIL_OTP',
      password: '',
      sandboxUrl: '',
    });
    const recorder = await startCognitoRecorder(cognito.endpoint);
    try {
      const viaRecorder = [...app, { key: 'cognitoEndpoint', value: recorder.endpoint }];
      const { summary: first, kept: left } = await runNewmanKeeping(collection, viaRecorder);
      expect(requestNames(first)).to.deep.equal(['Sign in (InitiateAuth)']);
      expect(failures(first)).to.deep.equal([
        'Sign in (InitiateAuth): Cognito sent a one-time code (EMAIL_OTP): paste the code from your email into otpCode and send again',
      ]);
      expect(recorder.calls.map((c) => `${c.operation} ${c.step} → ${c.outcome}`)).to.deep.equal([
        'InitiateAuth USER_AUTH → EMAIL_OTP',
      ]);
      // What the Postman app keeps between runs: the collection variables the first run set.
      const kept = left.filter((variable) => challengeKeys.includes(variable.key));
      expect(kept.find((v) => v.key === 'gatecheck.challengeName')?.value).to.equal('EMAIL_OTP');
      const code = cognito.latestCode('dorothy', target.poolId)?.code ?? '';
      recorder.calls.length = 0;
      const signInFolder = collection.item.find((item) => item.name === 'Sign-in');
      const second = await runNewman({ ...collection, item: [signInFolder] }, [
        ...viaRecorder,
        ...kept,
        { key: 'otpCode', value: code },
      ]);
      expect(failures(second)).to.deep.equal([]);
      expect(recorder.calls.map((c) => `${c.operation} ${c.step} → ${c.outcome}`)).to.deep.equal([
        'RespondToAuthChallenge EMAIL_OTP → tokens',
        'InitiateAuth REFRESH_TOKEN_AUTH → tokens',
      ]);
      expect(cognito.latestCode('dorothy', target.poolId)?.code, 'no new code').to.equal(code);
    } finally {
      await recorder.close();
    }
  });

  it('Answer challenge sent on its own before the code is pasted: the message in the console, and nothing sent', async () => {
    const target = await pool();
    await user(target, 'edith');
    const recorder = await startCognitoRecorder(cognito.endpoint);
    try {
      const app = env(target, 'edith', {
        authFlow: 'USER_AUTH',
        preferredChallenge: 'EMAIL_OTP',
        password: '',
        sandboxUrl: '',
        cognitoEndpoint: recorder.endpoint,
      });
      const signInFolder = collection.item.find((item) => item.name === 'Sign-in') as PostmanFolder;
      const { kept: left } = await runNewmanKeeping({ ...collection, item: [signInFolder] }, app);
      const kept = left.filter((variable) => challengeKeys.includes(variable.key));
      expect(kept).to.have.length(challengeKeys.length);
      recorder.calls.length = 0;
      const answerOnly = {
        ...collection,
        item: [
          { ...signInFolder, item: signInFolder.item.filter((i) => i.name.startsWith('Answer')) },
        ],
      };
      // A skipped request reports no test, so the message goes to the Postman console.
      const { logged } = await runNewmanKeeping(answerOnly, [...app, ...kept]);
      expect(logged).to.deep.equal([
        'gatecheck: Cognito sent a one-time code (EMAIL_OTP): paste the code from your email into otpCode and send again',
      ]);
      expect(recorder.calls).to.deep.equal([]);
    } finally {
      await recorder.close();
    }
  });

  it('another user in the same run (environment switched) never gets the previous tokens', async () => {
    const target = await pool();
    await user(target, 'sam');
    await user(target, 'tess');
    const folder = collection.item.find((i) => i.name === 'GET /demo') as PostmanFolder;
    const positiveOnly = { ...collection, item: [{ ...folder, item: folder.item.slice(0, 1) }] };
    seenTokens.length = 0;
    const summary = await runNewman(positiveOnly, env(target, 'sam'), {
      iterationCount: 2,
      iterationData: [{ username: 'sam' }, { username: 'tess' }],
    });
    expect(failures(summary)).to.deep.equal([]);
    expect(seenTokens).to.have.length(2);
    const users = seenTokens.map((token) => {
      const payload = JSON.parse(
        Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
      ) as Record<string, unknown>;
      return payload['cognito:username'] ?? payload.username;
    });
    expect(users).to.deep.equal(['sam', 'tess']);
  });
});
