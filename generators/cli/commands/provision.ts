import { ExitCode, InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const provisionCommand: Command = {
  command: 'provision',
  describe:
    'Create or update the test users of a run (no invitation, permanent password from GATECHECK_PASSWORD, groups); safe to repeat',
  builder: (yargs) =>
    yargs
      .option('user-pool-id', {
        type: 'string',
        demandOption: true,
        describe: 'Cognito user pool id',
      })
      .option('user', {
        type: 'string',
        array: true,
        default: [],
        describe: 'User name (repeatable)',
      })
      .option('authz', {
        type: 'string',
        describe:
          'Authorization rules file: also create its personas (GATECHECK_<PERSONA>_USERNAME / _PASSWORD) in their groups',
      })
      .option('group', {
        type: 'string',
        array: true,
        default: [],
        describe: 'Group to add the users to (repeatable)',
      })
      .option('email', { type: 'string', describe: 'Email attribute (verified) for the users' })
      .option('region', { type: 'string', describe: 'AWS region (default: from the user pool id)' })
      .option('endpoint', {
        type: 'string',
        describe: 'Cognito endpoint (the sandbox, a local emulator)',
      })
      .option('env-file', { type: 'string', describe: 'A .env file with GATECHECK_PASSWORD' })
      .example(
        '$0 provision --user-pool-id eu-west-1_AbC --authz examples/users-api.authz.yaml',
        'Create the personas of the rules, groups included (safe to repeat)',
      ),
  run: (args, io) =>
    runCommand(io, async () => {
      const { CognitoIdentityProviderClient } =
        await import('@aws-sdk/client-cognito-identity-provider');
      const { awsClientConfig, describeAwsError, regionOfUserPool } =
        await import('../../aws/client-config.js');
      const { ensureGroup, provisionUser } = await import('../../aws/provision-users.js');
      const { personaUsers } = await import('../persona-users.js');
      const { readRunValues } = await import('../../run/credentials.js');
      const flags = args as unknown as {
        userPoolId: string;
        user: string[];
        group: string[];
        email?: string;
        region?: string;
        endpoint?: string;
        envFile?: string;
        authz?: string;
      };
      const { values } = readRunValues({
        env: process.env,
        ...(flags.envFile ? { envFile: flags.envFile } : {}),
        defaultEnvFile: '.env',
      });
      const personas = flags.authz ? personaUsers(flags.authz, values) : [];
      if (flags.user.length === 0 && personas.length === 0) {
        throw new InputError('no users to provision', {
          hint: 'Name them with --user, or give the authorization rules with --authz',
        });
      }
      const password = values.password;
      if (flags.user.length > 0 && !password) {
        throw new InputError('no password for the test users', {
          hint: 'Set GATECHECK_PASSWORD (the users get it as a permanent password)',
        });
      }
      const region = flags.region ?? regionOfUserPool(flags.userPoolId);
      const client = new CognitoIdentityProviderClient(
        awsClientConfig(
          {
            ...(region ? { region } : {}),
            ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
          },
          process.env,
        ),
      );
      try {
        for (const group of new Set(personas.flatMap((persona) => persona.groups)))
          io.out(`group ${group}: ${await ensureGroup(client, flags.userPoolId, group)}`);
        for (const persona of personas) {
          const outcome = await provisionUser(client, { userPoolId: flags.userPoolId, ...persona });
          const groups = persona.groups.length > 0 ? ` (groups: ${persona.groups.join(', ')})` : '';
          io.out(`${outcome} ${persona.username} (persona ${persona.name})${groups}`);
        }
        for (const username of flags.user) {
          const outcome = await provisionUser(client, {
            userPoolId: flags.userPoolId,
            username,
            password: password ?? '',
            groups: flags.group,
            ...(flags.email ? { email: flags.email } : {}),
          });
          const groups = flags.group.length > 0 ? ` (groups: ${flags.group.join(', ')})` : '';
          io.out(`${outcome} ${username}${groups}`);
        }
      } catch (error) {
        const described = describeAwsError(error);
        if (!described) throw error;
        throw new InputError(`Cognito refused: ${described}`, {
          hint: 'Check the user pool id, region, groups (they must exist) and the password policy',
        });
      } finally {
        client.destroy();
      }
      return ExitCode.ok;
    }),
};
