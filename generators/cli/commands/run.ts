import type { ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';
import { checkNumberFlags, runFlags, runNumberFlags, type RunFlags } from '../../run/run-flags.js';

export const runCollectionCommand: Command = {
  command: 'run <collection>',
  describe:
    'Run a generated collection with newman: sign in once, run every check, write masked reports',
  builder: (yargs) =>
    runFlags(yargs)
      .positional('collection', { type: 'string', describe: 'Postman collection (JSON)' })
      .option('parallel', {
        type: 'number',
        default: 1,
        describe: 'Run the operation folders in N newman runs at once, after one sign-in',
      })
      .option('tokens-from-sdk', {
        type: 'boolean',
        default: false,
        describe: 'Sign in with the AWS SDK instead of the Sign-in folder; tokens stay in memory',
      })
      .option('admin-auth', {
        type: 'boolean',
        default: false,
        describe:
          'With --tokens-from-sdk: AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH, IAM credentials)',
      })
      .option('region', {
        type: 'string',
        describe: 'With --tokens-from-sdk: AWS region of the user pool',
      })
      .option('shard', {
        type: 'string',
        describe:
          'Run share i of n of the operation folders (e.g. 1/2; each shard signs in); combine the shards with `gatecheck report merge`',
      })
      .example(
        '$0 run c.json -e env.json --shard 1/2',
        'first of two CI jobs; then: gatecheck report merge reports/* --out merged',
      ),
  run: (args, io) =>
    runCommand(io, async (): Promise<ExitCode> => {
      checkNumberFlags(args, { ...runNumberFlags, parallel: { min: 1, integer: true } });
      const { tokensAsRunVariables } = await import('../../aws/sdk-sign-in.js');
      const { signInForRun } = await import('../../aws/token-hand-off.js');
      const { readEnvironmentFile } = await import('../../run/collection-file.js');
      const { runCollection } = await import('../../run/run-collection.js');
      const { resolveRunInputs } = await import('../../run/run-inputs.js');
      const flags = args as unknown as RunFlags & {
        collection: string;
        parallel: number;
        tokensFromSdk: boolean;
        adminAuth: boolean;
        region?: string;
        shard?: string;
      };
      const { parseShard } = await import('../../run/reports/shard.js');
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      const environment = flags.environment
        ? await readEnvironmentFile(flags.environment)
        : undefined;
      const inputs = resolveRunInputs(flags, process.env, environment);
      for (const notice of inputs.notices) io.err(notice);
      const { checkSecretDestinations } = await import('../../run/trust-hosts.js');
      // With no secret to hand over there is nothing to leak: the check applies only then.
      if (inputs.secrets.length > 0)
        checkSecretDestinations({
          values: inputs.values,
          ...(environment ? { environment } : {}),
          trustHosts: flags.trustHost ?? [],
        });
      const tokens = flags.tokensFromSdk
        ? await signInForRun({
            values: inputs.values,
            ...(environment ? { environment } : {}),
            admin: flags.adminAuth,
            ...(flags.region ? { region: flags.region } : {}),
            env: process.env,
          })
        : undefined;
      const result = await runCollection({
        collectionPath: flags.collection,
        ...(flags.environment ? { environmentPath: flags.environment } : {}),
        values: inputs.values,
        secrets: inputs.secrets,
        reportsDir: flags.reportsDir,
        workers: flags.parallel,
        ...(shard ? { shard } : {}),
        ...(tokens ? { tokens: tokensAsRunVariables(tokens, Date.now()) } : {}),
        signInRetry: { attempts: flags.signInAttempts, firstDelayMs: 1000 },
        timeoutRequestMs: flags.timeoutRequest,
        githubActions: inputs.githubActions,
        io,
      });
      return result.exitCode;
    }),
};
