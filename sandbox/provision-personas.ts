/**
 * The personas of the authorization checks (docs/authorization-matrix.md) in the sandbox's main
 * pool: `owner` and `other` (no group), `admin` (group `admin`, which the users API lets change any
 * record) and `support` (group `support`, another group with no such right). Created with the real
 * SDK calls `gatecheck provision` uses on AWS.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomPassword } from './provision.js';
import type { SandboxPersona } from './types.js';

const personas: ReadonlyArray<{ name: string; groups: string[] }> = [
  { name: 'owner', groups: [] },
  { name: 'other', groups: [] },
  { name: 'admin', groups: ['admin'] },
  { name: 'support', groups: ['support'] },
];

/** Group `admin` must exist already (the main pool has it); `support` is created here. */
export async function provisionPersonas(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  passwords: Record<string, string> = {},
): Promise<SandboxPersona[]> {
  await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: 'support' }));
  return Promise.all(
    personas.map(async ({ name, groups }, index) => {
      const username = `persona-${name}`;
      const password = passwords[username] ?? randomPassword();
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: `${username}@example.com` },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'phone_number', Value: `+1555020${String(index).padStart(4, '0')}` },
            { Name: 'phone_number_verified', Value: 'true' },
          ],
        }),
      );
      await client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: userPoolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
      for (const group of groups) {
        await client.send(
          new AdminAddUserToGroupCommand({
            UserPoolId: userPoolId,
            Username: username,
            GroupName: group,
          }),
        );
      }
      return { name, username, password, groups };
    }),
  );
}
