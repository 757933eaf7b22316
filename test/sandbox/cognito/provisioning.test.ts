import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { expectCognitoError, password, startFixture, type Fixture } from './fixture.js';

describe('cognito stand-in: provisioning through the AWS SDK', () => {
  let fx: Fixture;
  let poolId: string;

  before(async () => {
    fx = await startFixture({ region: 'eu-west-1' });
    const { UserPool } = await fx.sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'provisioning',
        UserPoolTier: 'ESSENTIALS',
        MfaConfiguration: 'OPTIONAL',
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      }),
    );
    poolId = UserPool?.Id ?? '';
    expect(UserPool?.UserPoolTier).to.equal('ESSENTIALS');
    expect(UserPool?.MfaConfiguration).to.equal('OPTIONAL');
    expect(UserPool?.Policies?.SignInPolicy?.AllowedFirstAuthFactors).to.deep.equal([
      'PASSWORD',
      'EMAIL_OTP',
    ]);
    expect(UserPool?.Arn).to.equal(`arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${poolId}`);
  });
  after(() => fx.stop());

  it('creates pools with ids shaped <region>_<9 alphanumerics>', () => {
    expect(poolId).to.match(/^eu-west-1_[A-Za-z0-9]{9}$/);
  });

  it('refuses first factors Cognito does not allow (SOFTWARE_TOKEN)', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new CreateUserPoolCommand({
          PoolName: 'bad',
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['SOFTWARE_TOKEN' as 'PASSWORD'] } },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it("gives a client AWS's default ExplicitAuthFlows when none are given, and no secret", async () => {
    const { UserPoolClient } = await fx.sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'defaults' }),
    );
    expect(UserPoolClient?.ClientId).to.match(/^[a-z0-9]{26}$/);
    expect(UserPoolClient?.ClientSecret).to.equal(undefined);
    expect(UserPoolClient?.ExplicitAuthFlows).to.deep.equal([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_CUSTOM_AUTH',
    ]);
    expect(UserPoolClient?.AuthSessionValidity).to.equal(3);
    expect(UserPoolClient?.PreventUserExistenceErrors).to.equal('LEGACY');
  });

  it('generates a secret on request and describes the client back', async () => {
    const { UserPoolClient } = await fx.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'secret',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AuthSessionValidity: 15,
        AccessTokenValidity: 5,
        TokenValidityUnits: { AccessToken: 'minutes' },
      }),
    );
    expect(UserPoolClient?.ClientSecret).to.match(/^[a-z0-9]{24,64}$/);
    const described = await fx.sdk.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient?.ClientId }),
    );
    expect(described.UserPoolClient?.ClientSecret).to.equal(UserPoolClient?.ClientSecret);
    expect(described.UserPoolClient?.ExplicitAuthFlows).to.deep.equal([
      'ALLOW_USER_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
    expect(described.UserPoolClient?.AuthSessionValidity).to.equal(15);
    expect(described.UserPoolClient?.AccessTokenValidity).to.equal(5);
  });

  it('insists on ALLOW_REFRESH_TOKEN_AUTH (REFRESH_TOKEN_AUTH should always be allowed.)', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'no-refresh',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        }),
      ),
      'InvalidParameterException',
      'REFRESH_TOKEN_AUTH should always be allowed.',
    );
  });

  it('keeps AuthSessionValidity within 3–15 minutes', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'x',
          AuthSessionValidity: 2,
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('describes unknown clients and pools as ResourceNotFoundException', async () => {
    await expectCognitoError(
      fx.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'abc' })),
      'ResourceNotFoundException',
      'User pool client abc does not exist.',
    );
    await expectCognitoError(
      fx.sdk.send(
        new DescribeUserPoolClientCommand({ UserPoolId: 'eu-west-1_nosuchpoo', ClientId: 'abc' }),
      ),
      'ResourceNotFoundException',
      'User pool eu-west-1_nosuchpoo does not exist.',
    );
  });

  it('creates users with a temporary password as FORCE_CHANGE_PASSWORD, with a sub and their attributes', async () => {
    const { User } = await fx.sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'bob',
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'bob@example.com' },
          { Name: 'phone_number', Value: '+15555550100' },
        ],
      }),
    );
    expect(User?.UserStatus).to.equal('FORCE_CHANGE_PASSWORD');
    expect(User?.Enabled).to.equal(true);
    expect(User?.UserCreateDate).to.be.instanceOf(Date);
    const attributes = Object.fromEntries((User?.Attributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attributes.sub).to.match(/^[0-9a-f-]{36}$/);
    expect(attributes).to.include({ email: 'bob@example.com', phone_number: '+15555550100' });
  });

  it('refuses a second user with the same (case-insensitive) name', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'BOB',
          TemporaryPassword: password,
        }),
      ),
      'UsernameExistsException',
    );
  });

  it('sets permanent passwords (CONFIRMED) and enforces the password policy', async () => {
    await fx.sdk.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'bob',
        Password: password,
        Permanent: true,
      }),
    );
    const user = await fx.sdk.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }),
    );
    expect(user.UserStatus).to.equal('CONFIRMED');
    await expectCognitoError(
      fx.sdk.send(
        new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob', Password: 'short' }),
      ),
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
    );
    await fx.sdk.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'bob',
        Password: password,
        Permanent: false,
      }),
    );
    const reset = await fx.sdk.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }),
    );
    expect(reset.UserStatus).to.equal('FORCE_CHANGE_PASSWORD');
  });

  it('adds users to existing groups only', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'bob', GroupName: 'admin' }),
      ),
      'ResourceNotFoundException',
      'Group not found.',
    );
    await fx.user(poolId, 'carol', { groups: ['admin'] });
    await expectCognitoError(
      fx.sdk.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: poolId,
          Username: 'nobody',
          GroupName: 'admin',
        }),
      ),
      'UserNotFoundException',
      'User does not exist.',
    );
  });
});
