import { InputError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import { sigintSignal } from '../../run/newman/interrupt.js';
import { loadOptionsOf, withLoadFlags, withSelectionFlags } from '../load-flags.js';
import {
  checkNumberFlags,
  insecureWarning,
  newmanTransportOf,
  runNumberFlags,
  withRunFlags,
  withSandboxFlags,
} from '../run-flags.js';
import { describeRun } from '../run-description.js';

export const runCollectionCommand = defineCommand({
  ...headings.run,
  examples: [
    {
      line: '$0 run collections/users-api.postman_collection.json --sandbox',
      what: 'Every check against `gatecheck sandbox --spec examples/users-api.json` (another terminal)',
    },
    {
      line: '$0 run collections/users-api.postman_collection.json --sandbox --operation getUser --bail',
      what: 'One operation, stopping at the first failed check',
    },
    {
      line: '$0 run collections/users-api.postman_collection.json --sandbox --tag read --spec examples/users-api.json',
      what: 'The operations tagged "read" (tags are read from the spec)',
    },
    {
      line: 'GATECHECK_PASSWORD=... $0 run collections/users-api.postman_collection.json -e environments/users-api.prod.postman_environment.json --parallel 4',
      what: 'Against AWS: credentials from GATECHECK_* variables, 4 newman workers',
    },
    {
      line: 'GATECHECK_PASSWORD=... $0 run collections/users-api.postman_collection.json -e environments/users-api.prod.postman_environment.json --ca-file corporate-ca.pem',
      what: "Behind a proxy that re-signs TLS with the company's CA (your PEM file)",
    },
    {
      line: 'GATECHECK_PASSWORD=... $0 run collections/users-api.postman_collection.json -e environments/users-api.prod.postman_environment.json --shard 1/2',
      what: 'The first of two CI jobs; then: gatecheck report merge reports/* --out merged',
    },
  ],
  builder: (yargs) =>
    withSandboxFlags(withSelectionFlags(withLoadFlags(withRunFlags(yargs)), 'Run'), 'Run against')
      .positional('collection', {
        type: 'string',
        demandOption: true,
        describe: 'Postman collection (JSON)',
      })
      .option('parallel', {
        type: 'number',
        default: 1,
        describe: 'Run the operation folders in N newman runs at once, after one sign-in',
      })
      .option('bail', {
        type: 'boolean',
        default: false,
        describe: 'Stop at the first failed check (each newman run stops at its first failure)',
      })
      .option('spec', {
        type: 'string',
        describe:
          'The export the collection was generated from (needed by --tag); with --operation or --tag the run guard is skipped',
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
      })
      .option('shard', {
        type: 'string',
        describe:
          'Run share i of n of the operation folders (e.g. 1/2; each shard signs in); combine the shards with `gatecheck report merge`',
      }),
  handler: async (args, io) => {
    checkNumberFlags(args, { ...runNumberFlags, parallel: { min: 1, integer: true } });
    if (args.clientCredentials && args.adminAuth) {
      throw new InputError('--client-credentials and --admin-auth are two different sign-ins', {
        hint: 'Pass one of them',
      });
    }
    const { tokensAsRunVariables } = await import('../../aws/sdk-sign-in.js');
    const { signInForRun } = await import('../../aws/token-hand-off.js');
    const { runCollection, printRunSummary } = await import('../../run/run-collection.js');
    const { runInputsOf } = await import('../run-inputs-of.js');
    const { folderSelection } = await import('../run-selection.js');
    const transport = newmanTransportOf(args);
    if (transport.insecure) io.err(insecureWarning);
    const select = await folderSelection(args, loadOptionsOf(args));
    const { parseShard } = await import('../../run/reports/shard.js');
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    const { inputs, environment, environmentPath } = await runInputsOf({
      ...args,
      sandbox: args.sandbox ? args.sandboxValues : undefined,
    });
    for (const notice of inputs.notices) io.err(notice);
    const { checkBeforeSecrets } = await import('../../run/inputs/secret-gate.js');
    await checkBeforeSecrets({
      collectionPath: args.collection,
      ...(environment ? { environment } : {}),
      values: inputs.values,
      secrets: inputs.secrets,
      trustHosts: args.trustHost,
      trustCollection: args.trustCollection,
      handsOverTokens: args.tokensFromSdk,
    });
    for (const line of describeRun(args, environmentPath, inputs, transport)) io.verbose?.(line);
    const tokens = args.tokensFromSdk
      ? await signInForRun({
          values: inputs.values,
          ...(environment ? { environment } : {}),
          ...(args.envFile ? { envFile: args.envFile } : {}),
          admin: args.adminAuth,
          ...(args.region ? { region: args.region } : {}),
          env: process.env,
          ...(args.clientCredentials
            ? {
                source: 'client-credentials' as const,
                scopes: (args.scope ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean),
              }
            : {}),
          ...(args.domain ? { domain: args.domain } : {}),
        })
      : undefined;
    const result = await runCollection({
      collectionPath: args.collection,
      ...(environmentPath ? { environmentPath } : {}),
      values: inputs.values,
      secrets: inputs.secrets,
      reportsDir: args.reportsDir,
      workers: args.parallel,
      bail: args.bail,
      ...(select ? { select, runGuard: false } : {}),
      ...(shard ? { shard } : {}),
      ...(tokens ? { tokens: tokensAsRunVariables(tokens, Date.now()) } : {}),
      signInRetry: { attempts: args.signInAttempts, firstDelayMs: 1000 },
      timeoutRequestMs: args.timeoutRequest,
      transport,
      githubActions: inputs.githubActions,
      signal: sigintSignal(),
      io,
    });
    printRunSummary(result, io);
    return result.exitCode;
  },
});
