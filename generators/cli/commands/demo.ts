import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError, startSandbox, type Sandbox } from '../../../sandbox/index.js';
import { ExitCode, InputError } from '../../errors.js';
import { loadSpec } from '../../load/load-spec.js';
import { buildModel } from '../../model/build-model.js';
import { renderOutputs, collectionPath } from '../../render/render-outputs.js';
import { runCollection } from '../../run/run-collection.js';
import { writeFilesAtomically } from '../../write/write-files.js';
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
      const specPath = String(args['spec'] ?? defaultSpec);
      const model = buildModel(await loadSpec(specPath));
      const sandbox = await startSandbox({ specPath }).catch(asInputError);
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
          ...demoValues(sandbox),
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

/**
 * What a user would put in their environment, taken from the sandbox. The main user signs in with
 * USER_AUTH + EMAIL_OTP: the collection reads the code from the sandbox outbox (`sandboxUrl`).
 * Passwords and the API key go to newman in memory only and are masked in every report.
 */
function demoValues(sandbox: Sandbox): { values: Record<string, string>; secrets: string[] } {
  const main = sandbox.users.find((user) => user.role === 'main');
  const signOut = sandbox.users.find((user) => user.role === 'sign-out');
  const values: Record<string, string> = {
    baseUrl: sandbox.apiBaseUrl,
    region: sandbox.region,
    cognitoEndpoint: sandbox.cognitoEndpoint,
    userPoolId: sandbox.userPoolId,
    clientId: sandbox.clientId,
    username: main?.username ?? '',
    password: main?.password ?? '',
    authFlow: 'USER_AUTH',
    preferredChallenge: 'EMAIL_OTP',
    apiKey: sandbox.apiKey,
    sandboxUrl: sandbox.sandboxUrl,
    otherPoolUsername: sandbox.otherPool.username,
    revocationUsername: signOut?.username ?? '',
    revocationPassword: signOut?.password ?? '',
  };
  const secrets = [
    ...sandbox.users.map((user) => user.password),
    sandbox.otherPool.password,
    sandbox.apiKey,
    ...(sandbox.clientSecret ? [sandbox.clientSecret] : []),
  ];
  return { values, secrets };
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

function asInputError(error: unknown): never {
  if (error instanceof SpecError) {
    throw new InputError(error.message, {
      file: error.file,
      ...(error.pointer !== undefined ? { pointer: error.pointer } : {}),
      ...(error.hint ? { hint: error.hint } : {}),
    });
  }
  throw error;
}
