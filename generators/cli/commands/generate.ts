import { resolve } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import type { LoadOptions } from '../../load/load-options.js';
import type { OutputFile } from '../../write/write-files.js';
import type { Command } from '../command.js';
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
    withLoadFlags(yargs)
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
      .option('check', {
        describe: 'Write nothing; exit 1 listing the files that are stale or missing',
        type: 'boolean',
        default: false,
      })
      .example('$0 generate api-prod-oas30.yaml', 'Write collections/ and environments/ here')
      .example('$0 generate api.json --out-dir build --base-url https://api.example.com/prod', '')
      .example('$0 generate examples/*.yaml --check', 'Fail when the committed output is stale'),
  run: (args, io) =>
    runCommand(io, async () => {
      const specs = (args['spec'] as string[] | undefined) ?? [];
      const outDir = resolve(String(args['out-dir'] ?? '.'));
      const baseUrl = args['base-url'] as string | undefined;
      const files = await renderAll(specs, baseUrl, loadOptionsOf(args));
      // Loaded on use, like every command's work, so `--help` and other commands start fast.
      const { findStaleFiles, writeFilesAtomically } = await import('../../write/write-files.js');
      if (args['check']) {
        const stale = await findStaleFiles(outDir, files);
        for (const file of stale) io.err(`stale: ${file}`);
        if (stale.length > 0) {
          io.err(
            `gatecheck: ${stale.length} generated file(s) out of date: run gatecheck generate`,
          );
          return ExitCode.checksFailed;
        }
        io.out(`up to date: ${files.length} file(s)`);
        return ExitCode.ok;
      }
      const written = await writeFilesAtomically(outDir, files).catch((error: unknown) => {
        throw new InputError(`cannot write the generated files: ${(error as Error).message}`, {
          file: outDir,
          hint: 'Check --out-dir: nothing was written',
        });
      });
      for (const path of written) io.out(`wrote ${path}`);
      return ExitCode.ok;
    }),
};

async function renderAll(
  specs: readonly string[],
  baseUrl: string | undefined,
  loadOptions: LoadOptions,
): Promise<OutputFile[]> {
  const [{ loadSpec }, { buildModel }, { renderOutputs }] = await Promise.all([
    import('../../load/load-spec.js'),
    import('../../model/build-model.js'),
    import('../../render/render-outputs.js'),
  ]);
  const files: OutputFile[] = [];
  const producedBy = new Map<string, string>();
  for (const source of specs) {
    const model = buildModel(
      await loadSpec(source, loadOptions),
      baseUrl !== undefined ? { baseUrl } : {},
    );
    for (const file of renderOutputs(model)) {
      const earlier = producedBy.get(file.path);
      if (earlier !== undefined) {
        throw new InputError(`${earlier} and ${source} would both write ${file.path}`, {
          file: source,
          pointer: '/info/title',
          hint: 'Give the APIs different info.title values, or generate them into different --out-dir',
        });
      }
      producedBy.set(file.path, source);
      files.push(file);
    }
  }
  return files;
}
