import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import { sigintSignal } from '../../run/newman/interrupt.js';
import {
  checkNumberFlags,
  insecureWarning,
  newmanTransportOf,
  runNumberFlags,
  withRunFlags,
  withSandboxFlags,
} from '../run-flags.js';
import { describeRun } from '../run-description.js';

export const smokeCommand = defineCommand({
  ...headings.smoke,
  examples: [
    {
      line: '$0 smoke collections/users-api.postman_collection.json --sandbox',
      what: 'The harmless checks against `gatecheck sandbox --spec examples/users-api.json`',
    },
    {
      line: 'GATECHECK_PASSWORD=... $0 smoke collections/users-api.postman_collection.json -e environments/users-api.prod.postman_environment.json --wait 180',
      what: 'Right after a deploy: wait up to 3 minutes for the stage, then the harmless checks',
    },
    {
      line: 'GATECHECK_PASSWORD=... $0 smoke collections/users-api.postman_collection.json -e environments/users-api.prod.postman_environment.json --stage test',
      what: "The environment's API on another stage",
    },
  ],
  builder: (yargs) =>
    withSandboxFlags(withRunFlags(yargs), 'Smoke-test')
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
      }),
  handler: async (args, io) => {
    checkNumberFlags(args, { ...runNumberFlags, wait: { min: 0 } });
    const { runInputsOf } = await import('../run-inputs-of.js');
    const { smokeCollection } = await import('../../run/smoke/smoke.js');
    const { printRunSummary } = await import('../../run/reports/run-summary.js');
    const transport = newmanTransportOf(args);
    if (transport.insecure) io.err(insecureWarning);
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
      signal: sigintSignal(),
      io,
    });
    if ('report' in result) printRunSummary(result, io);
    return result.exitCode;
  },
});
