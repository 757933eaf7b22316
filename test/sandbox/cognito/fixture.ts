import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type AuthFactorType,
  type ExplicitAuthFlowsType,
  type UserPoolTierType,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import {
  startCognito,
  type CognitoOptions,
  type CognitoStandIn,
} from '../../../sandbox/cognito/index.js';

export const password = 'Sandbox-Passw0rd!';

export const allFlows: ExplicitAuthFlowsType[] = [
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
];

/** The real AWS SDK client pointed at the stand-in, with throwaway static credentials. */
export function sdkFor(cognito: CognitoStandIn): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: cognito.region,
    endpoint: cognito.endpoint,
    credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' },
    maxAttempts: 1,
  });
}

export interface PoolSetup {
  tier?: UserPoolTierType;
  factors?: AuthFactorType[];
  mfa?: 'OFF' | 'ON' | 'OPTIONAL';
  flows?: ExplicitAuthFlowsType[];
  secret?: boolean;
  authSessionValidity?: number;
}

export interface UserSetup {
  email?: string;
  phone?: string;
  groups?: string[];
  /** false: keep the temporary password (FORCE_CHANGE_PASSWORD). */
  permanent?: boolean;
}

export class Fixture {
  constructor(
    readonly cognito: CognitoStandIn,
    readonly sdk: CognitoIdentityProviderClient,
  ) {}

  async pool(
    setup: PoolSetup = {},
  ): Promise<{ poolId: string; clientId: string; clientSecret?: string }> {
    const { UserPool } = await this.sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'gatecheck-test',
        UserPoolTier: setup.tier ?? 'ESSENTIALS',
        MfaConfiguration: setup.mfa ?? 'OFF',
        Policies: {
          SignInPolicy: {
            AllowedFirstAuthFactors: setup.factors ?? ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'],
          },
        },
      }),
    );
    const poolId = UserPool?.Id ?? '';
    const { UserPoolClient } = await this.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        GenerateSecret: setup.secret ?? false,
        ExplicitAuthFlows: setup.flows ?? allFlows,
        AuthSessionValidity: setup.authSessionValidity,
      }),
    );
    const clientId = UserPoolClient?.ClientId ?? '';
    const clientSecret = UserPoolClient?.ClientSecret;
    return clientSecret === undefined ? { poolId, clientId } : { poolId, clientId, clientSecret };
  }

  async user(poolId: string, username: string, setup: UserSetup = {}): Promise<void> {
    const attributes = [
      ...(setup.email
        ? [
            { Name: 'email', Value: setup.email },
            { Name: 'email_verified', Value: 'true' },
          ]
        : []),
      ...(setup.phone ? [{ Name: 'phone_number', Value: setup.phone }] : []),
    ];
    await this.sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: attributes,
      }),
    );
    if (setup.permanent !== false) {
      await this.sdk.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
    }
    for (const group of setup.groups ?? []) {
      await this.sdk
        .send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: group }))
        .catch(() => undefined);
      await this.sdk.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: poolId,
          Username: username,
          GroupName: group,
        }),
      );
    }
  }

  /** The latest code in the outbox, read over HTTP as a collection would. */
  async code(username: string): Promise<string> {
    const response = await fetch(
      `${this.cognito.url}/__sandbox/outbox?username=${encodeURIComponent(username)}`,
      { headers: { 'x-gatecheck-sandbox-secret': this.cognito.testSecret } },
    );
    expect(response.status).to.equal(200);
    return ((await response.json()) as { code: string }).code;
  }

  stop(): Promise<void> {
    this.sdk.destroy();
    return this.cognito.stop();
  }
}

export async function startFixture(options: CognitoOptions = {}): Promise<Fixture> {
  const cognito = await startCognito(options);
  return new Fixture(cognito, sdkFor(cognito));
}

/** Awaits an SDK call that must fail the way Cognito fails it. */
export async function expectCognitoError(
  call: Promise<unknown>,
  name: string,
  message?: string,
): Promise<void> {
  let error: unknown;
  try {
    await call;
  } catch (caught) {
    error = caught;
  }
  expect(error, `expected ${name}`).to.be.instanceOf(Error);
  const failure = error as Error & { $metadata?: { httpStatusCode?: number } };
  expect(failure.name).to.equal(name);
  if (message !== undefined) expect(failure.message).to.equal(message);
  expect(failure.$metadata?.httpStatusCode).to.equal(400);
}

/** A clock tests can move forward. */
export function manualClock(start = Date.now()) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Raw JSON-protocol call, for exact wire checks. */
export function rawCall(
  cognito: CognitoStandIn,
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(cognito.endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = token.split('.');
  const part = (text: string) =>
    JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: part(header), payload: part(payload) };
}
