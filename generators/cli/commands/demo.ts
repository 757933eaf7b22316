import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../errors.js';
import type { Fault, Sandbox } from '../../../sandbox/types.js';
import type { CheckDepth } from '../../plan/check-depth.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import { claimInterrupt, sigintSignal } from '../../run/newman/interrupt.js';
import { checkNumberFlags } from '../run-flags.js';
import type { Io } from '../../io.js';
import { depthOf, withDepthFlag } from '../depth-flag.js';
import { parseFault } from './sandbox.js';

const defaultSpec = 'examples/lab-demo-api.yaml';

/**
 * `gatecheck demo` (`npm run demo`): the whole job against the local sandbox, with nothing to set
 * up. Starts the sandbox for an example API, generates its collection, and runs it with newman:
 * choice-based sign-in (USER_AUTH) with a one-time code "emailed" to the sandbox outbox, then every
 * positive and negative check with the captured tokens. Reports go to `reports/`.
 */
export const demoCommand = defineCommand({
  ...headings.demo,
  examples: [
    {
      line: '$0 demo',
      what: 'Sandbox + examples/lab-demo-api.yaml: sign in with an emailed code, run all checks',
    },
    {
      line: '$0 demo --spec examples/users-api.json',
      what: 'The users API (CRUD, ID tokens, personas)',
    },
    {
      line: '$0 demo --spec examples/users-api.json --fault owner-check-removed',
      what: "Another user may change the owner's record: the persona checks fail (exit 1)",
    },
  ],
  builder: (yargs) =>
    withDepthFlag(yargs)
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
      .option('fault', {
        describe:
          'Run against a misconfigured sandbox (any `gatecheck sandbox --fault`): the checks that catch it fail, exit 1',
        type: 'string',
        array: true,
        default: [] as string[],
      })
      .option('authz', {
        describe: 'Authorization rules file; default: <spec>.authz.yaml beside the spec',
        type: 'string',
      }),
  handler: async (args, io) => {
    checkNumberFlags(args, { parallel: { min: 1, integer: true } });
    return runDemo(
      {
        specPath: args.spec,
        reportsDir: args.reportsDir,
        workers: args.parallel,
        clientSecret: args.clientSecret,
        faults: args.fault.map(parseFault),
        ...(args.authz !== undefined ? { authzPath: args.authz } : {}),
        depth: depthOf(args),
        signal: sigintSignal(),
      },
      io,
    );
  },
});

export interface DemoOptions {
  specPath: string;
  reportsDir: string;
  workers: number;
  /** Give the sandbox's app client a secret, so every Cognito call carries SECRET_HASH. */
  clientSecret: boolean;
  /** Sandbox faults: the demo then shows the checks that catch them failing. */
  faults?: Fault[];
  /** The authorization rules file, when not beside the spec. */
  authzPath?: string;
  /** How deep the checks go (default `standard`). */
  depth?: CheckDepth;
  /** Fixed sandbox passwords (tests), by role or user name. */
  passwords?: Record<string, string>;
  /** Ctrl-C (run/interrupt.ts): the run writes a partial report, the sandbox stops, exit 130. */
  signal?: AbortSignal;
  /** Called with the sandbox after the run, before it stops (tests read what it handed out). */
  afterRun?: (sandbox: Sandbox) => Promise<void>;
}

/** The demo as a library call: sandbox, generate into a temporary folder, run, stop. */
export async function runDemo(options: DemoOptions, io: Io): Promise<ExitCode> {
  const [{ renderSources }, { runCollection, printRunSummary }, { writeFilesAtomically }] =
    await Promise.all([
      import('../../pipeline.js'),
      import('../../run/run-collection.js'),
      import('../../write/write-files.js'),
    ]);
  const { sandboxRunValues, startSandboxForCli } = await import('../sandbox-session.js');
  // Rendered before the sandbox starts: a bad spec stops the demo before anything listens.
  const { apis, files } = await renderSources([options.specPath], {
    forSandbox: true,
    ...(options.authzPath ? { authzPath: options.authzPath } : {}),
    ...(options.depth ? { depth: options.depth } : {}),
  });
  const api = apis[0]!;
  const faults = options.faults ?? [];
  const sandbox = await startSandboxForCli({
    specPath: options.specPath,
    clientSecret: options.clientSecret,
    ...(faults.length > 0 ? { faults } : {}),
    ...(options.passwords ? { passwords: options.passwords } : {}),
  });
  const workDir = await mkdtemp(join(tmpdir(), 'gatecheck-demo-'));
  // Until the sandbox is stopped and the folder removed, Ctrl-C waits for this cleanup.
  const release = options.signal ? claimInterrupt() : undefined;
  try {
    io.out(`sandbox: Cognito ${sandbox.cognitoEndpoint}  API ${sandbox.apiBaseUrl}`);
    if (faults.length > 0)
      io.out(
        `sandbox misconfigured on purpose: ${faults.map((f) => (f.target ? `${f.name}:${f.target}` : f.name)).join(', ')}`,
      );
    await writeFilesAtomically(workDir, files);
    io.out(
      `generated ${api.model.operations.length} operation(s) from ${options.specPath}; running checks`,
    );
    const { sandboxOAuthValues } = await import('../sandbox-oauth.js');
    const run = sandboxRunValues(sandbox);
    const oauth = await sandboxOAuthValues(sandbox);
    const result = await runCollection({
      collectionPath: join(workDir, api.collectionPath),
      values: { ...run.values, ...oauth.values },
      secrets: [...run.secrets, ...oauth.secrets],
      reportsDir: options.reportsDir,
      workers: options.workers,
      ...(options.signal ? { signal: options.signal } : {}),
      io,
    });
    printRunSummary(result, io);
    if (result.exitCode === ExitCode.interrupted) return result.exitCode;
    printOutcome(io, result.exitCode, result.reportDir, faults.length > 0);
    await options.afterRun?.(sandbox);
    return result.exitCode;
  } finally {
    await sandbox.stop();
    await rm(workDir, { recursive: true, force: true });
    release?.();
  }
}

function printOutcome(io: Io, exitCode: number, reportDir: string, faulty: boolean): void {
  const verdict =
    exitCode === ExitCode.ok
      ? faulty
        ? 'demo passed: no check caught the misconfiguration'
        : 'demo passed: every check got the answer AWS would give'
      : exitCode === ExitCode.checksFailed
        ? faulty
          ? 'demo failed, as it should: the checks above caught the misconfiguration'
          : 'demo failed: some checks did not get the expected answer'
        : 'demo could not run';
  io.out(`${verdict}; reports in ${reportDir}`);
}
