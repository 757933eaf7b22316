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
        demandOption: true,
        describe: 'User name (repeatable)',
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
      .option('env-file', { type: 'string', describe: 'A .env file with GATECHECK_PASSWORD' }),
  run: (args, io) =>
    runCommand(io, async () => {
      const { CognitoIdentityProviderClient } =
        await import('@aws-sdk/client-cognito-identity-provider');
      const { awsClientConfig, describeAwsError, regionOfUserPool } =
        await import('../../aws/client-config.js');
      const { provisionUser } = await import('../../aws/provision-users.js');
      const { readRunValues } = await import('../../run/credentials.js');
      const flags = args as unknown as {
        userPoolId: string;
        user: string[];
        group: string[];
        email?: string;
        region?: string;
        endpoint?: string;
        envFile?: string;
      };
      const { values } = readRunValues({
        env: process.env,
        ...(flags.envFile ? { envFile: flags.envFile } : {}),
        defaultEnvFile: '.env',
      });
      const password = values.password;
      if (!password) {
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
        for (const username of flags.user) {
          const outcome = await provisionUser(client, {
            userPoolId: flags.userPoolId,
            username,
            password,
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
