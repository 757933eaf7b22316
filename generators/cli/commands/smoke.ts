import { defineCommand } from '../command.js';
import { checkNumberFlags, newmanTransportOf, runNumberFlags, withRunFlags } from '../run-flags.js';
import { describeRun } from '../run-description.js';

export const smokeCommand = defineCommand({
  command: 'smoke <collection>',
  describe:
    'After a deploy: wait for the stage to answer, then run only harmless checks (safe methods, sentinel targets), stopping at the first failure',
  builder: (yargs) =>
    withRunFlags(yargs)
      .positional('collection', {
        type: 'string',
        demandOption: true,
        describe: 'Postman collection (JSON)',
      })
      .option('wait', {
        type: 'number',
        default: 120,
        describe:
          'Seconds to wait while a fresh deployment answers 5xx or 403 Missing Authentication Token',
      })
      .option('sandbox', {
        type: 'string',
        describe:
          'Smoke-test a running `gatecheck sandbox`: its values file (default .gatecheck/sandbox-values.json)',
        coerce: (value: string | undefined) =>
          value === '' ? '.gatecheck/sandbox-values.json' : value,
      })
      .example(
        '$0 smoke collections/users-api.postman_collection.json -e environments/users-api.prod.postman_environment.json --wait 180',
        'Right after a deploy: wait up to 3 minutes for the stage, then the harmless checks',
      )
      .example(
        '$0 smoke collections/users-api.postman_collection.json -e env.json --base-url https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
        'Another stage than the environment names',
      )
      .example(
        '$0 smoke collections/lab-demo-api.postman_collection.json --sandbox',
        'Against `gatecheck sandbox` running in another terminal',
      ),
  handler: async (args, io) => {
    checkNumberFlags(args, { ...runNumberFlags, wait: { min: 0 } });
    const { runInputsOf } = await import('../run-inputs-of.js');
    const { smokeCollection } = await import('../../run/smoke.js');
    const transport = newmanTransportOf(args);
    const { inputs, environment, environmentPath } = await runInputsOf(args);
    for (const notice of inputs.notices) io.err(notice);
    const { checkSecretDestinations } = await import('../../run/trust-hosts.js');
    // With no secret to hand over there is nothing to leak: the check applies only then.
    if (inputs.secrets.length > 0)
      checkSecretDestinations({
        values: inputs.values,
        ...(environment ? { environment } : {}),
        trustHosts: args.trustHost,
      });
    for (const line of describeRun(args, environmentPath, inputs, transport)) io.verbose?.(line);
    const result = await smokeCollection({
      collectionPath: args.collection,
      ...(environmentPath ? { environmentPath } : {}),
      values: inputs.values,
      secrets: inputs.secrets,
      reportsDir: args.reportsDir,
      signInRetry: { attempts: args.signInAttempts, firstDelayMs: 1000 },
      timeoutRequestMs: args.timeoutRequest,
      transport,
      githubActions: inputs.githubActions,
      waitSeconds: args.wait,
      io,
    });
    return result.exitCode;
  },
});
