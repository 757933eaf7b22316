/**
 * Creates or updates the test users a run needs, idempotently: AdminCreateUser without an
 * invitation (`MessageAction: SUPPRESS`), a permanent password (AdminSetUserPassword
 * `Permanent: true`, so the user is CONFIRMED and never gets NEW_PASSWORD_REQUIRED), and group
 * memberships (AdminAddUserToGroup; the group shows up in `cognito:groups`). A user that already
 * exists (UsernameExistsException) gets the password and groups set again.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsErrorName } from './client-config.js';

export interface ProvisionUser {
  userPoolId: string;
  username: string;
  password: string;
  groups: string[];
  /** Optional `email` attribute, marked verified (needed for email one-time codes). */
  email?: string;
}

export type ProvisionOutcome = 'created' | 'updated';

export async function provisionUser(
  client: CognitoIdentityProviderClient,
  user: ProvisionUser,
): Promise<ProvisionOutcome> {
  let outcome: ProvisionOutcome = 'created';
  try {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: user.userPoolId,
        Username: user.username,
        MessageAction: 'SUPPRESS',
        ...(user.email
          ? {
              UserAttributes: [
                { Name: 'email', Value: user.email },
                { Name: 'email_verified', Value: 'true' },
              ],
            }
          : {}),
      }),
    );
  } catch (error) {
    if (awsErrorName(error) !== 'UsernameExistsException') throw error;
    outcome = 'updated';
  }
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: user.userPoolId,
      Username: user.username,
      Password: user.password,
      Permanent: true,
    }),
  );
  for (const group of user.groups) {
    await client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: user.userPoolId,
        Username: user.username,
        GroupName: group,
      }),
    );
  }
  return outcome;
}

/**
 * Creates the group when it does not exist yet (GroupExistsException means it does), so the
 * personas of the authorization rules can be put in their groups on a fresh pool.
 */
export async function ensureGroup(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  group: string,
): Promise<'created' | 'exists'> {
  try {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
    return 'created';
  } catch (error) {
    if (awsErrorName(error) !== 'GroupExistsException') throw error;
    return 'exists';
  }
}
