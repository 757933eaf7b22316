import { ExitCode } from '../../errors.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import { loadOptionsOf, withLoadFlags, withSelectionFlags } from '../load-flags.js';
import { depthOf, withDepthFlag } from '../depth-flag.js';

/**
 * `gatecheck generate <spec...>`: collections and environments for each spec. Everything is
 * rendered before anything is written; `--check` compares with the files on disk instead.
 */
export const generateCommand = defineCommand({
  ...headings.generate,
  examples: [
    {
      line: '$0 generate examples/users-api.json --out-dir /tmp/gatecheck-out',
      what: 'Write collections/ and environments/ under /tmp/gatecheck-out',
    },
    {
      line: '$0 generate examples/users-api.json --out-dir /tmp/gatecheck-out --base-url https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
      what: "Another stage URL than the spec's servers",
    },
    {
      line: '$0 generate examples/users-api.json --check',
      what: 'Fail (exit 1) when the committed output is stale',
    },
    {
      line: '$0 generate examples/users-api.json --operation getUser --operation updateUser --out-dir /tmp/gatecheck-out',
      what: 'Only the checks of two operations',
    },
    {
      line: '$0 generate examples/lab-demo-api.yaml --for-sandbox --out-dir /tmp/gatecheck-out',
      what: 'A collection to run against `gatecheck sandbox`',
    },
    {
      line: '$0 generate examples/users-api.json --tag read --out-dir /tmp/gatecheck-out',
      what: 'Only the operations tagged "read"',
    },
  ],
  builder: (yargs) =>
    withDepthFlag(withSelectionFlags(withLoadFlags(yargs), 'Generate'))
      .positional('spec', {
        describe: 'OpenAPI / Swagger export: file path or http(s) URL (JSON or YAML)',
        type: 'string',
        array: true,
        demandOption: true,
      })
      .option('out-dir', {
        describe: 'Where collections/ and environments/ are written',
        type: 'string',
        default: '.',
      })
      .option('base-url', {
        describe: 'API base URL including the stage, instead of the servers in the spec',
        type: 'string',
      })
      .option('authz', {
        describe:
          'Authorization rules file (personas, who may call what); default: <spec>.authz.yaml or gatecheck.authz.yaml beside the spec',
        type: 'string',
      })
      .option('for-sandbox', {
        describe:
          'For the gatecheck sandbox: the collection reads one-time codes and test tokens from sandboxUrl (a collection for AWS never does)',
        type: 'boolean',
        default: false,
      })
      .option('check', {
        describe: 'Write nothing; exit 1 listing the files that are stale or missing',
        type: 'boolean',
        default: false,
      }),
  handler: async (args, io) => {
    // Loaded on use, like every command's work, so `--help` and other commands start fast.
    const { generate } = await import('../../pipeline.js');
    const result = await generate(args.spec, {
      outDir: args.outDir,
      check: args.check,
      forSandbox: args.forSandbox,
      depth: depthOf(args),
      ...loadOptionsOf(args),
      ...(args.baseUrl !== undefined ? { baseUrl: args.baseUrl } : {}),
      ...(args.authz !== undefined ? { authzPath: args.authz } : {}),
      select: { operations: args.operation, tags: args.tag },
    });
    if (args.check) {
      for (const file of result.stale) io.err(`stale: ${file}`);
      if (result.stale.length > 0) {
        io.err(
          `gatecheck: ${result.stale.length} generated file(s) out of date: run gatecheck generate`,
        );
        return ExitCode.checksFailed;
      }
      io.out(`up to date: ${result.files.length} file(s)`);
      return ExitCode.ok;
    }
    // What the collection cannot check is said here too, not only by `inspect`.
    for (const { source, model } of result.apis)
      for (const warning of model.warnings)
        io.err(
          `warning [${warning.code}] ${warning.message} (${source}#${warning.origin.pointer})`,
        );
    for (const path of result.written) io.out(`wrote ${path}`);
    return ExitCode.ok;
  },
});
