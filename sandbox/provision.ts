import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  type ExplicitAuthFlowsType,
  CreateUserPoolCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { TOTP } from 'otpauth';
import { secretHash } from './cognito/index.js';
import {
  provisionOAuth,
  userClientOAuthSettings,
  type ProvisionedOAuth,
} from './provision-oauth.js';
import type { SandboxUser } from './types.js';

/** The people every sandbox pool has, by role (see `SandboxUser.role`). */
const roles = ['main', 'second', 'admin', 'new-password', 'totp-mfa', 'sign-out'] as const;

export interface ProvisionOptions {
  endpoint: string;
  region: string;
  clientSecret: boolean;
  /** Fixed passwords by role or user name (tests); random otherwise. */
  passwords?: Record<string, string>;
  /** The spec's method scopes: the main pool gets resource servers for them. */
  specScopes?: string[];
  /** The ExplicitAuthFlows of the app client runs sign in with (the spec's `x-gatecheck-sandbox`). */
  appClientAuthFlows?: string[];
}

export interface ProvisionedPool {
  userPoolId: string;
  clientId: string;
  /** Set when the app client allows only these flows (ProvisionOptions.appClientAuthFlows). */
  appClientAuthFlows?: string[];
  clientSecret?: string;
  users: SandboxUser[];
  /** `sub` of each user, by user name. */
  subs: Record<string, string>;
  /** The main pool's domain and machine client. */
  oauth?: ProvisionedOAuth;
}

/** A client for the stand-in: the real SDK, any static credentials (the stand-in accepts any SigV4). */
export function cognitoClient(endpoint: string, region: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 1,
  });
}

/**
 * A random password that satisfies Cognito's default policy (8+ characters, upper, lower, digit,
 * symbol): fixed-class prefix + 18 random base64url characters.
 */
export function randomPassword(): string {
  return `Aa1!${randomBytes(14).toString('base64url')}`;
}

/**
 * Creates the main pool through the Cognito JSON API: Essentials tier with passwordless first
 * factors (USER_AUTH needs Essentials, docs/reference/aws-wire-behaviour.md §5), an app client with
 * the sign-in flows the collections use, group `admin`, and one user per role.
 */
export async function provisionMainPool(
  client: CognitoIdentityProviderClient,
  options: ProvisionOptions,
): Promise<ProvisionedPool> {
  const pool = await createPool(
    client,
    'gatecheck-sandbox',
    options.clientSecret,
    options.specScopes ?? [],
  );
  await client.send(new CreateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'admin' }));
  // Users are created concurrently: the TOTP user's set-up signs in, which waits for the signing
  // keys, and the others need not wait behind it.
  const created = await Promise.all(
    roles.map(async (role, index) => {
      const username = `${role}-user`;
      const password =
        options.passwords?.[role] ?? options.passwords?.[username] ?? randomPassword();
      const user: SandboxUser = {
        username,
        password,
        email: `${username}@example.com`,
        phoneNumber: `+1555010${String(index).padStart(4, '0')}`,
        groups: role === 'admin' ? ['admin'] : [],
        status: role === 'new-password' ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED',
        role,
      };
      const sub = await createUser(client, pool.userPoolId, user);
      if (role === 'totp-mfa') user.totpSecret = await enableTotp(client, pool, user);
      return { user, sub };
    }),
  );
  const users = created.map(({ user }) => user);
  const subs = Object.fromEntries(created.map(({ user, sub }) => [user.username, sub]));
  if (!options.appClientAuthFlows) return { ...pool, users, subs };
  // Runs sign in with an app client set up as the spec says (e.g. SRP only, AWS's default); the
  // sandbox's own set-up (TOTP above) keeps the client with every flow.
  const appClient = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: pool.userPoolId,
      ClientName: 'gatecheck-sandbox-app',
      GenerateSecret: options.clientSecret,
      // Cognito checks the names (InvalidParameterException for an unknown one).
      ExplicitAuthFlows: options.appClientAuthFlows as ExplicitAuthFlowsType[],
      EnableTokenRevocation: true,
      // The managed login (code flow) as on the main client: a user pool's OAuth 2.0 endpoints do
      // not depend on ExplicitAuthFlows.
      ...userClientOAuthSettings(options.specScopes ?? []),
    }),
  );
  const clientId = appClient.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('CreateUserPoolClient answered without a client id');
  const secret = appClient.UserPoolClient?.ClientSecret;
  return {
    userPoolId: pool.userPoolId,
    ...(pool.oauth ? { oauth: pool.oauth } : {}),
    clientId,
    ...(options.clientSecret && secret ? { clientSecret: secret } : {}),
    appClientAuthFlows: options.appClientAuthFlows,
    users,
    subs,
  };
}

/** The pool the gateway does not trust, with one user, for the other-pool check. */
export async function provisionOtherPool(
  client: CognitoIdentityProviderClient,
  options: ProvisionOptions,
): Promise<ProvisionedPool & { username: string; password: string }> {
  const pool = await createPool(client, 'gatecheck-sandbox-other', false);
  const username = 'other-pool-user';
  const password = options.passwords?.other ?? options.passwords?.[username] ?? randomPassword();
  const user: SandboxUser = {
    username,
    password,
    email: `${username}@example.com`,
    phoneNumber: '+15550109999',
    groups: [],
    status: 'CONFIRMED',
    role: 'other-pool',
  };
  const sub = await createUser(client, pool.userPoolId, user);
  return { ...pool, users: [user], subs: { [username]: sub }, username, password };
}

/**
 * A second pool the gateway trusts, for specs whose authorizers name several pools: one user, an
 * app client like the main one's (no OAuth side).
 */
export async function provisionSecondPool(
  client: CognitoIdentityProviderClient,
  options: ProvisionOptions,
): Promise<ProvisionedPool & { username: string; password: string }> {
  const pool = await createPool(client, 'gatecheck-sandbox-pool2', false);
  const username = 'pool2-user';
  const password = options.passwords?.pool2 ?? options.passwords?.[username] ?? randomPassword();
  const user: SandboxUser = {
    username,
    password,
    email: `${username}@example.com`,
    phoneNumber: '+15550108888',
    groups: [],
    status: 'CONFIRMED',
    role: 'pool2',
  };
  const sub = await createUser(client, pool.userPoolId, user);
  return { ...pool, users: [user], subs: { [username]: sub }, username, password };
}

async function createPool(
  client: CognitoIdentityProviderClient,
  name: string,
  withSecret: boolean,
  specScopes?: string[],
): Promise<Omit<ProvisionedPool, 'users' | 'subs'>> {
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UserPoolTier: 'ESSENTIALS',
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } },
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
    }),
  );
  const userPoolId = created.UserPool?.Id;
  if (!userPoolId) throw new Error('CreateUserPool answered without a pool id');
  // Resource servers come first: the app client's AllowedOAuthScopes must name existing scopes.
  const oauth = specScopes ? await provisionOAuth(client, userPoolId, specScopes) : undefined;
  const appClient = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: `${name}-client`,
      GenerateSecret: withSecret,
      ExplicitAuthFlows: [
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      ],
      EnableTokenRevocation: true,
      ...(specScopes ? userClientOAuthSettings(specScopes) : {}),
    }),
  );
  const clientId = appClient.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('CreateUserPoolClient answered without a client id');
  const secret = appClient.UserPoolClient?.ClientSecret;
  return {
    userPoolId,
    clientId,
    ...(withSecret && secret ? { clientSecret: secret } : {}),
    ...(oauth ? { oauth } : {}),
  };
}

/** Creates the user with its password and groups; resolves to its `sub`. */
async function createUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: SandboxUser,
): Promise<string> {
  const created = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: user.username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: user.phoneNumber },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    }),
  );
  // Permanent=false leaves FORCE_CHANGE_PASSWORD: the next sign-in answers NEW_PASSWORD_REQUIRED.
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: user.username,
      Password: user.password,
      Permanent: user.status === 'CONFIRMED',
    }),
  );
  for (const group of user.groups) {
    await client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: userPoolId,
        Username: user.username,
        GroupName: group,
      }),
    );
  }
  return created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value ?? '';
}

/** Signs the user in once, associates and verifies a TOTP authenticator, and makes it preferred. */
async function enableTotp(
  client: CognitoIdentityProviderClient,
  pool: Omit<ProvisionedPool, 'users' | 'subs'>,
  user: SandboxUser,
): Promise<string> {
  const signIn = await client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: {
        USERNAME: user.username,
        PASSWORD: user.password,
        ...(pool.clientSecret
          ? { SECRET_HASH: secretHash(pool.clientSecret, user.username, pool.clientId) }
          : {}),
      },
    }),
  );
  const accessToken = signIn.AuthenticationResult?.AccessToken;
  if (!accessToken) throw new Error('the TOTP user could not sign in to set up its authenticator');
  const associated = await client.send(
    new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
  );
  const secret = associated.SecretCode;
  if (!secret) throw new Error('AssociateSoftwareToken answered without a secret');
  const code = new TOTP({ secret }).generate();
  await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code }));
  await client.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: pool.userPoolId,
      Username: user.username,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  return secret;
}
