import type { ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';
import { sigintSignal } from '../../run/interrupt.js';
import { checkNumberFlags, runFlags, runNumberFlags, type RunFlags } from '../../run/run-flags.js';

export const smokeCommand: Command = {
  command: 'smoke <collection>',
  describe:
    'After a deploy: wait for the stage to answer, then run only harmless checks (safe methods, sentinel targets), stopping at the first failure',
  builder: (yargs) =>
    runFlags(yargs)
      .positional('collection', { type: 'string', describe: 'Postman collection (JSON)' })
      .option('wait', {
        type: 'number',
        default: 120,
        describe:
          'Seconds to wait while a fresh deployment answers 5xx or 403 Missing Authentication Token',
      }),
  run: (args, io) =>
    runCommand(io, async (): Promise<ExitCode> => {
      checkNumberFlags(args, { ...runNumberFlags, wait: { min: 0 } });
      const { readEnvironmentFile } = await import('../../run/collection-file.js');
      const { resolveRunInputs } = await import('../../run/run-inputs.js');
      const { smokeCollection } = await import('../../run/smoke.js');
      const flags = args as unknown as RunFlags & { collection: string; wait: number };
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
      });
      const result = await smokeCollection({
        collectionPath: flags.collection,
        ...(flags.environment ? { environmentPath: flags.environment } : {}),
        values: inputs.values,
        secrets: inputs.secrets,
        reportsDir: flags.reportsDir,
        signInRetry: { attempts: flags.signInAttempts, firstDelayMs: 1000 },
        timeoutRequestMs: flags.timeoutRequest,
        githubActions: inputs.githubActions,
        waitSeconds: flags.wait,
        signal: sigintSignal(),
        io,
      });
      return result.exitCode;
    }),
};
