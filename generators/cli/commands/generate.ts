import { ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { depthOf, withDepthFlag } from '../depth-flag.js';
import { loadOptionsOf, withLoadFlags } from '../load-flags.js';
import { runCommand } from '../run-command.js';

/**
 * `gatecheck generate <spec...>`: collections and environments for each spec. Everything is
 * rendered before anything is written; `--check` compares with the files on disk instead.
 */
export const generateCommand: Command = {
  command: 'generate <spec...>',
  describe: 'Generate Postman collections and environments from API Gateway OpenAPI exports',
  builder: (yargs) =>
    withDepthFlag(withLoadFlags(yargs))
      .positional('spec', {
        describe: 'OpenAPI / Swagger export: file path or http(s) URL (JSON or YAML)',
        type: 'string',
        array: true,
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
      .option('check', {
        describe: 'Write nothing; exit 1 listing the files that are stale or missing',
        type: 'boolean',
        default: false,
      })
      .example('$0 generate api-prod-oas30.yaml', 'Write collections/ and environments/ here')
      .example('$0 generate api.json --out-dir build --base-url https://api.example.com/prod', '')
      .example(
        '$0 generate examples/*-api.yaml --check',
        'Fail when the committed output is stale',
      ),
  run: (args, io) =>
    runCommand(io, async () => {
      // Loaded on use, like every command's work, so `--help` and other commands start fast.
      const { generate } = await import('../../pipeline.js');
      const baseUrl = args['base-url'] as string | undefined;
      const result = await generate((args['spec'] as string[] | undefined) ?? [], {
        outDir: String(args['out-dir']),
        check: args['check'] === true,
        depth: depthOf(args),
        ...loadOptionsOf(args),
        ...(baseUrl !== undefined ? { baseUrl } : {}),
        ...(typeof args['authz'] === 'string' ? { authzPath: args['authz'] } : {}),
      });
      if (args['check']) {
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
    }),
};
