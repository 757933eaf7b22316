import { readFileSync } from 'node:fs';
import { ExitCode } from '../errors.js';
import { processIo, type Io } from '../io.js';
import { runCommand } from './run-command.js';
import { commands } from './commands/index.js';
import { shapeOutput, withGlobalFlags } from './global-flags.js';
import { unknownFlagMessage } from './flag-suggestions.js';

/**
 * The package's own version. yargs looks for a package.json above the entry script, which in an
 * installed copy is the user's project (or none); gatecheck's is two folders above this module's
 * folder in the sources and three in `dist/`.
 */
function packageVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
      const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
      if (manifest.name === 'gatecheck' && typeof manifest.version === 'string')
        return manifest.version;
    } catch {
      // Not at this level: try the next one.
    }
  }
  return 'unknown';
}

/** A command line yargs could not accept (unknown flag, missing argument). */
class UsageError extends Error {}

/**
 * Parses argv and runs one command; resolves to the process exit code. Callable in-process (tests).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // Printed as yargs prints it (console.log), before yargs or any command is loaded.
  if (argv.length === 1 && argv[0] === '--version') {
    console.log(packageVersion());
    return ExitCode.ok;
  }
  const { default: yargs } = await import('yargs');
  let exitCode: number = ExitCode.ok;
  /** The parser of the command being run (its flags), or the top-level one. */
  let current: unknown;
  const parser = withGlobalFlags(
    yargs(argv)
      .scriptName('gatecheck')
      .usage(
        '$0 <command> [options]\n\nTest the Cognito authorizer of an API Gateway API from its OpenAPI export.',
      )
      .strict()
      .strictCommands()
      // `--help` and `--version` return from main like any command: callable in-process.
      .exitProcess(false)
      .demandCommand(1, 'Name a command: gatecheck --help lists them.')
      .recommendCommands()
      .epilogue(
        'Exit codes: 0 all good, 1 checks failed, 2 could not run (bad input, sign-in failed).',
      )
      .wrap(Math.min(110, process.stdout.columns ?? 100))
      .fail((message, error) => {
        // Throwing stops yargs from running the handler after a failed validation.
        throw (
          error ?? new UsageError(unknownFlagMessage(message, current ?? parser, argv) ?? message)
        );
      }),
  );
  for (const listing of commands) {
    // Only a command the line names is loaded (its flags, its handler); the others are listed by
    // their headings, which is all `--help` and the suggestions for a mistyped command need.
    if (!argv.includes(listing.name)) {
      parser.command(listing.command, listing.describe);
      continue;
    }
    const command = await listing.load();
    command.register(parser, {
      built: (built) => {
        current = built;
      },
      run: async (args, handler) => {
        // Every command's output shaped by the global flags, its errors mapped to exit codes here.
        const shaped = shapeOutput(io, args, process.env);
        exitCode = await runCommand(shaped, () => handler(shaped));
      },
    });
  }
  try {
    await parser.help().alias('h', 'help').version(packageVersion()).parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`gatecheck: ${error.message}`);
    io.err('Run gatecheck --help for usage.');
    return ExitCode.couldNotRun;
  }
  return exitCode;
}
