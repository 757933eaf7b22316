import { InputError, type ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';
import { sigintSignal } from '../../run/interrupt.js';
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
      .option('client-credentials', {
        type: 'boolean',
        default: false,
        describe:
          'With --tokens-from-sdk: a machine client (client_credentials, GATECHECK_MACHINE_CLIENT_ID and _SECRET) at the user pool domain',
      })
      .option('scope', {
        type: 'string',
        array: true,
        describe:
          'With --client-credentials: the scopes to ask for (default: all the client allows)',
      })
      .option('domain', {
        type: 'string',
        describe:
          'With --tokens-from-sdk: the user pool domain, for --client-credentials and GATECHECK_REFRESH_TOKEN (default: GATECHECK_COGNITO_DOMAIN)',
      }),
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
        clientCredentials: boolean;
        scope?: string[];
        domain?: string;
      };
      if (flags.clientCredentials && flags.adminAuth) {
        throw new InputError('--client-credentials and --admin-auth are two different sign-ins', {
          hint: 'Pass one of them',
        });
      }
      const environment = flags.environment
        ? await readEnvironmentFile(flags.environment)
        : undefined;
      const inputs = resolveRunInputs(flags, process.env, environment);
      for (const notice of inputs.notices) io.err(notice);
      const { checkBeforeSecrets } = await import('../../run/secret-gate.js');
      await checkBeforeSecrets({
        collectionPath: flags.collection,
        ...(environment ? { environment } : {}),
        values: inputs.values,
        secrets: inputs.secrets,
        trustHosts: flags.trustHost ?? [],
        trustCollection: flags.trustCollection ?? false,
        handsOverTokens: flags.tokensFromSdk,
      });
      const tokens = flags.tokensFromSdk
        ? await signInForRun({
            values: inputs.values,
            ...(environment ? { environment } : {}),
            ...(flags.envFile ? { envFile: flags.envFile } : {}),
            admin: flags.adminAuth,
            ...(flags.region ? { region: flags.region } : {}),
            env: process.env,
            ...(flags.clientCredentials
              ? {
                  source: 'client-credentials' as const,
                  scopes: (flags.scope ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean),
                }
              : {}),
            ...(flags.domain ? { domain: flags.domain } : {}),
          })
        : undefined;
      const result = await runCollection({
        collectionPath: flags.collection,
        ...(flags.environment ? { environmentPath: flags.environment } : {}),
        values: inputs.values,
        secrets: inputs.secrets,
        reportsDir: flags.reportsDir,
        workers: flags.parallel,
        ...(tokens ? { tokens: tokensAsRunVariables(tokens, Date.now()) } : {}),
        signInRetry: { attempts: flags.signInAttempts, firstDelayMs: 1000 },
        timeoutRequestMs: flags.timeoutRequest,
        githubActions: inputs.githubActions,
        signal: sigintSignal(),
        io,
      });
      return result.exitCode;
    }),
};
