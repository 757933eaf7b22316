import { ExitCode, InputError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';

export const provisionCommand = defineCommand({
  ...headings.provision,
  examples: [
    {
      line: '$0 provision --user-pool-id eu-west-1_AbCdEf123 --authz examples/users-api.authz.yaml',
      what: 'The personas of the rules in their groups, from GATECHECK_<PERSONA>_USERNAME / _PASSWORD (safe to repeat)',
    },
    {
      line: 'GATECHECK_PASSWORD=... $0 provision --user-pool-id eu-west-1_AbCdEf123 --user ci-user --group admins',
      what: 'One test user with a permanent password, in a group',
    },
  ],
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
        default: [] as string[],
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
        default: [] as string[],
        describe: 'Group to add the users to (repeatable)',
      })
      .option('email', { type: 'string', describe: 'Email attribute (verified) for the users' })
      .option('region', { type: 'string', describe: 'AWS region (default: from the user pool id)' })
      .option('endpoint', {
        type: 'string',
        describe: 'Cognito endpoint (the sandbox, a local emulator)',
      })
      .option('env-file', { type: 'string', describe: 'A .env file with GATECHECK_PASSWORD' }),
  handler: async (args, io) => {
    const { CognitoIdentityProviderClient } =
      await import('@aws-sdk/client-cognito-identity-provider');
    const { awsClientConfig, describeAwsError, regionOfUserPool } =
      await import('../../aws/client-config.js');
    const { ensureGroup, provisionUser } = await import('../../aws/provision-users.js');
    const { personaUsers } = await import('../persona-users.js');
    const { readRunValues } = await import('../../run/inputs/credentials.js');
    const { values } = readRunValues({
      env: process.env,
      ...(args.envFile ? { envFile: args.envFile } : {}),
      defaultEnvFile: '.env',
    });
    const personas = args.authz ? personaUsers(args.authz, values) : [];
    if (args.user.length === 0 && personas.length === 0) {
      throw new InputError('no users to provision', {
        hint: 'Name them with --user, or give the authorization rules with --authz',
      });
    }
    const password = values.password;
    if (args.user.length > 0 && !password) {
      throw new InputError('no password for the test users', {
        hint: 'Set GATECHECK_PASSWORD (the users get it as a permanent password)',
      });
    }
    const region = args.region ?? regionOfUserPool(args.userPoolId);
    const client = new CognitoIdentityProviderClient(
      awsClientConfig(
        {
          ...(region ? { region } : {}),
          ...(args.endpoint ? { endpoint: args.endpoint } : {}),
        },
        process.env,
      ),
    );
    try {
      for (const group of new Set(personas.flatMap((persona) => persona.groups)))
        io.out(`group ${group}: ${await ensureGroup(client, args.userPoolId, group)}`);
      for (const persona of personas) {
        const outcome = await provisionUser(client, { userPoolId: args.userPoolId, ...persona });
        const groups = persona.groups.length > 0 ? ` (groups: ${persona.groups.join(', ')})` : '';
        io.out(`${outcome} ${persona.username} (persona ${persona.name})${groups}`);
      }
      for (const username of args.user) {
        const outcome = await provisionUser(client, {
          userPoolId: args.userPoolId,
          username,
          password: password ?? '',
          groups: args.group,
          ...(args.email ? { email: args.email } : {}),
        });
        const groups = args.group.length > 0 ? ` (groups: ${args.group.join(', ')})` : '';
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
  },
});
