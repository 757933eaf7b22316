import { dirname, basename, resolve } from 'node:path';
import {
  faultNames,
  sandboxPaths,
  sandboxSecretHeader,
  type Fault,
  type FaultName,
  type Sandbox,
} from '../../../sandbox/types.js';
import { ExitCode, InputError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import type { Io } from '../../io.js';

const defaultSpec = 'examples/lab-demo-api.yaml';
const defaultEnvOut = 'environments/sandbox.postman_environment.json';
/** Mirrors sandbox-values-file.ts (not imported here: `--help` loads no command's work). */
const defaultSandboxValuesPath = '.gatecheck/sandbox-values.json';

/**
 * `gatecheck sandbox`: starts the local Cognito and API Gateway stand-ins for a spec, prints where
 * they listen (never a password, secret or code), writes a Postman environment for them and the
 * values file `run --sandbox` reads (the secrets a run needs), and runs until Ctrl-C.
 */
export const sandboxCommand = defineCommand({
  ...headings.sandbox,
  examples: [
    { line: '$0 sandbox', what: 'Serve examples/lab-demo-api.yaml' },
    {
      line: '$0 sandbox --spec examples/users-api.json',
      what: 'Then, in another terminal: gatecheck run collections/users-api.postman_collection.json --sandbox',
    },
    {
      line: "$0 sandbox --spec examples/users-api.json --fault 'authorizer-removed:GET /users'",
      what: 'GET /users answers without a token: its negative checks fail',
    },
    { line: '$0 sandbox --port 4010 --cognito-port 4011', what: 'Fixed ports' },
  ],
  builder: (yargs) =>
    yargs
      .option('spec', {
        describe: 'OpenAPI / Swagger export to serve',
        type: 'string',
        default: defaultSpec,
      })
      .option('port', { describe: 'Gateway port (0 = a free port)', type: 'number', default: 0 })
      .option('cognito-port', {
        describe: 'Cognito port (0 = a free port)',
        type: 'number',
        default: 0,
      })
      .option('stage', { describe: "Stage name; default: the spec's base path", type: 'string' })
      .option('env-out', {
        describe: 'Where the Postman environment is written',
        type: 'string',
        default: defaultEnvOut,
      })
      .option('fault', {
        describe: `Start misconfigured: ${faultNames.join(', ')}; authorizer-removed takes :METHOD /path`,
        type: 'string',
        array: true,
        default: [] as string[],
      })
      .option('values-out', {
        describe:
          'Where the values a `run --sandbox` needs are written (API key and test passwords, sandbox-only; mode 600; deleted on stop)',
        type: 'string',
        default: defaultSandboxValuesPath,
      })
      .option('latency', {
        describe: 'Milliseconds added to every gateway answer',
        type: 'number',
        default: 0,
      }),
  handler: async (args, io) => {
    const { jsonFileText } = await import('../../render/json-file.js');
    const { renderEnvironment } = await import('../../render/render-environment.js');
    const { writeFilesAtomically } = await import('../../write/write-files.js');
    const { sandboxEnvironmentValues, sandboxRunValues, sandboxSecretFrom, startSandboxForCli } =
      await import('../sandbox-session.js');
    const { removeSandboxValues, writeSandboxValues } = await import('../sandbox-values-file.js');
    const faults = args.fault.map(parseFault);
    const specPath = args.spec;
    const sandbox = await startSandboxForCli({
      specPath,
      gatewayPort: portOf(args.port, '--port'),
      cognitoPort: portOf(args.cognitoPort, '--cognito-port'),
      ...(args.stage !== undefined ? { stage: args.stage } : {}),
      faults,
      latencyMs: args.latency,
      ...sandboxSecretFrom(process.env),
    });
    const valuesOut = resolve(args.valuesOut);
    try {
      const envOut = resolve(args.envOut);
      await writeSandboxValues(valuesOut, {
        environmentPath: envOut,
        ...sandboxRunValues(sandbox),
        pid: process.pid,
      });
      await writeFilesAtomically(dirname(envOut), [
        {
          path: basename(envOut),
          content: jsonFileText(
            renderEnvironment('gatecheck sandbox', sandboxEnvironmentValues(sandbox)),
          ),
        },
      ]);
      printSandbox(io, sandbox, specPath, faults, envOut);
      io.out(`  run values        ${valuesOut} (sandbox-only secrets, for run --sandbox)`);
      io.out('Press Ctrl-C to stop.');
      await untilStopped();
    } finally {
      await removeSandboxValues(valuesOut);
      await sandbox.stop();
    }
    io.out('sandbox stopped');
    return ExitCode.ok;
  },
});

/** `name` or `name:METHOD /path` (the target only for authorizer-removed). */
export function parseFault(text: string): Fault {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  const target = colon < 0 ? undefined : text.slice(colon + 1).trim();
  if (!(faultNames as readonly string[]).includes(name)) {
    throw new InputError(`unknown fault "${name}"`, {
      hint: `Use one of: ${faultNames.join(', ')}`,
    });
  }
  if (
    target !== undefined &&
    (name !== 'authorizer-removed' || !/^[A-Za-z]+\s+\/\S*$/.test(target))
  ) {
    throw new InputError(`fault "${text}" has a target it cannot take`, {
      hint: 'Only authorizer-removed takes a target, written as authorizer-removed:GET /path',
    });
  }
  return { name: name as FaultName, ...(target ? { target } : {}) };
}

function portOf(port: number, flag: string): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(`${flag} must be a port number (0-65535)`, {
      hint: 'Use 0 for a free port',
    });
  }
  return port;
}

function printSandbox(
  io: Io,
  sandbox: Sandbox,
  specPath: string,
  faults: Fault[],
  envOut: string,
): void {
  io.out(`gatecheck sandbox serving ${specPath}`);
  io.out(`  API base URL      ${sandbox.apiBaseUrl}`);
  io.out(`  Cognito endpoint  ${sandbox.cognitoEndpoint}`);
  io.out(
    `  user pool         ${sandbox.userPoolId} (client ${sandbox.clientId}, region ${sandbox.region})`,
  );
  io.out(`  other pool        ${sandbox.otherPool.userPoolId} (not trusted by the gateway)`);
  io.out(`  one-time codes    ${sandbox.sandboxUrl}${sandboxPaths.outbox}?username=<user>`);
  io.out(`  TOTP codes        ${sandbox.sandboxUrl}${sandboxPaths.totp}?username=<user>`);
  io.out(`  test tokens       POST ${sandbox.sandboxUrl}${sandboxPaths.tokens}`);
  io.out(
    process.env['GATECHECK_SANDBOX_SECRET']
      ? `  these three need header ${sandboxSecretHeader}: the value of GATECHECK_SANDBOX_SECRET`
      : `  these three are locked (random secret): start the sandbox with GATECHECK_SANDBOX_SECRET set to use them`,
  );
  io.out(
    `  users             ${sandbox.users.map((user) => `${user.username} (${user.role})`).join(', ')}`,
  );
  if (faults.length > 0) {
    io.out(
      `  faults            ${faults.map((f) => (f.target ? `${f.name}:${f.target}` : f.name)).join(', ')}`,
    );
  }
  io.out(`  environment       ${envOut}`);
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
