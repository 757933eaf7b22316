import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../errors.js';
import type { Sandbox } from '../../../sandbox/types.js';
import type { Command } from '../command.js';
import { checkNumberFlags } from '../../run/run-flags.js';
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
      .option('client-secret', {
        describe:
          "Give the sandbox's app client a secret (every Cognito call then needs SECRET_HASH)",
        type: 'boolean',
        default: false,
      })
      .example('$0 demo', `Sandbox + ${defaultSpec}: sign in with an emailed code, run all checks`)
      .example('$0 demo --spec examples/users-api.json', 'The users API (CRUD, ID tokens)'),
  run: (args, io) =>
    runCommand(io, () => {
      checkNumberFlags(args, { parallel: { min: 1, integer: true } });
      return runDemo(
        {
          specPath: String(args['spec'] ?? defaultSpec),
          reportsDir: String(args['reports-dir'] ?? 'reports'),
          workers: Number(args['parallel'] ?? 1),
          clientSecret: Boolean(args['client-secret']),
        },
        io,
      );
    }),
};

export interface DemoOptions {
  specPath: string;
  reportsDir: string;
  workers: number;
  /** Give the sandbox's app client a secret, so every Cognito call carries SECRET_HASH. */
  clientSecret: boolean;
  /** Fixed sandbox passwords (tests), by role or user name. */
  passwords?: Record<string, string>;
  /** Called with the sandbox after the run, before it stops (tests read what it handed out). */
  afterRun?: (sandbox: Sandbox) => Promise<void>;
}

/** The demo as a library call: sandbox, generate into a temporary folder, run, stop. */
export async function runDemo(options: DemoOptions, io: Io): Promise<ExitCode> {
  const [{ loadSpec }, { buildModel }, outputs, { runCollection }, { writeFilesAtomically }] =
    await Promise.all([
      import('../../load/load-spec.js'),
      import('../../model/build-model.js'),
      import('../../render/render-outputs.js'),
      import('../../run/run-collection.js'),
      import('../../write/write-files.js'),
    ]);
  const { sandboxRunValues, startSandboxForCli } = await import('../sandbox-session.js');
  const model = buildModel(await loadSpec(options.specPath));
  const sandbox = await startSandboxForCli({
    specPath: options.specPath,
    clientSecret: options.clientSecret,
    ...(options.passwords ? { passwords: options.passwords } : {}),
  });
  const workDir = await mkdtemp(join(tmpdir(), 'gatecheck-demo-'));
  try {
    io.out(`sandbox: Cognito ${sandbox.cognitoEndpoint}  API ${sandbox.apiBaseUrl}`);
    await writeFilesAtomically(workDir, outputs.renderOutputs(model));
    io.out(
      `generated ${model.operations.length} operation(s) from ${options.specPath}; running checks`,
    );
    const result = await runCollection({
      collectionPath: join(workDir, outputs.collectionPath(model.slug)),
      ...sandboxRunValues(sandbox),
      reportsDir: options.reportsDir,
      workers: options.workers,
      io,
    });
    printOutcome(io, result.exitCode, result.reportDir);
    await options.afterRun?.(sandbox);
    return result.exitCode;
  } finally {
    await sandbox.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function printOutcome(io: Io, exitCode: number, reportDir: string): void {
  const verdict =
    exitCode === ExitCode.ok
      ? 'demo passed: every check got the answer AWS would give'
      : exitCode === ExitCode.checksFailed
        ? 'demo failed: some checks did not get the expected answer'
        : 'demo could not run';
  io.out(`${verdict}; reports in ${reportDir}`);
}
