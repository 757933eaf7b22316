import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand, type Io } from '../run-command.js';

const defaultSpec = 'examples/lab-demo-api.yaml';

/**
 * `gatecheck demo` (`npm run demo`): the whole job against the local sandbox, with nothing to set
 * up. Starts the sandbox for an example API, generates its collection, and runs it with newman:
 * choice-based sign-in (USER_AUTH) with a one-time code "emailed" to the sandbox outbox, then every
 * positive and negative check with the captured tokens. Reports go to `reports/`.
 */
export const demoCommand: Command = {
  command: 'demo',
  describe: 'Start the sandbox, generate the example collection and run every check against it',
  builder: (yargs) =>
    yargs
      .option('spec', {
        describe: 'API Gateway export to demonstrate with',
        type: 'string',
        default: defaultSpec,
      })
      .option('reports-dir', {
        describe: 'Where the run reports are written',
        type: 'string',
        default: 'reports',
      })
      .option('parallel', {
        describe: 'Newman workers for the operation folders',
        type: 'number',
        default: 1,
      })
      .example('$0 demo', `Sandbox + ${defaultSpec}: sign in with an emailed code, run all checks`)
      .example('$0 demo --spec examples/users-api.json', 'The users API (CRUD, ID tokens)'),
  run: (args, io) =>
    runCommand(io, async () => {
      const { loadSpec } = await import('../../load/load-spec.js');
      const { buildModel } = await import('../../model/build-model.js');
      const { renderOutputs, collectionPath } = await import('../../render/render-outputs.js');
      const { runCollection } = await import('../../run/run-collection.js');
      const { writeFilesAtomically } = await import('../../write/write-files.js');
      const { sandboxRunValues, startSandboxForCli } = await import('../sandbox-session.js');
      const specPath = String(args['spec'] ?? defaultSpec);
      const model = buildModel(await loadSpec(specPath));
      const sandbox = await startSandboxForCli({ specPath });
      const workDir = await mkdtemp(join(tmpdir(), 'gatecheck-demo-'));
      try {
        io.out(`sandbox: Cognito ${sandbox.cognitoEndpoint}  API ${sandbox.apiBaseUrl}`);
        await writeFilesAtomically(workDir, renderOutputs(model));
        const collection = join(workDir, collectionPath(model.slug));
        io.out(
          `generated ${model.operations.length} operation(s) from ${specPath}; running checks`,
        );
        const result = await runCollection({
          collectionPath: collection,
          ...sandboxRunValues(sandbox),
          reportsDir: String(args['reports-dir'] ?? 'reports'),
          workers: Number(args['parallel'] ?? 1),
          io,
        });
        printOutcome(io, result.exitCode, result.reportDir);
        return result.exitCode;
      } finally {
        await sandbox.stop();
        await rm(workDir, { recursive: true, force: true });
      }
    }),
};

function printOutcome(io: Io, exitCode: number, reportDir: string): void {
  const verdict =
    exitCode === ExitCode.ok
      ? 'demo passed: every check got the answer AWS would give'
      : exitCode === ExitCode.checksFailed
        ? 'demo failed: some checks did not get the expected answer'
        : 'demo could not run';
  io.out(`${verdict}; reports in ${reportDir}`);
}
