import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { ExitCode } from '../errors.js';
import { shapeOutput, type GlobalArgs } from './global-flags.js';
import { runCommand, type Io } from './run-command.js';

/**
 * One CLI command. `builder` declares every flag with its type and default (the only place
 * defaults live); `handler` receives exactly the arguments the builder declared, so both share one
 * `Args` type. Errors thrown by a handler become exit codes in one place (`runCommand`, applied by
 * `commandModule`), never in the command itself.
 */
export interface Command<Args> {
  command: string;
  describe: string;
  /**
   * Shown under `--help`: a command line that works when pasted in a clone of the repository (or
   * names the AWS resources to replace), and what it does. Tested (test/cli/examples.test.ts).
   */
  examples: readonly Example[];
  builder: (yargs: Argv<GlobalArgs>) => Argv<Args>;
  handler: (args: ArgumentsCamelCase<Args>, io: Io) => Promise<ExitCode>;
}

/**
 * A command as the command table holds it: its `Args` stay inside, so commands with different flags
 * share one list. `register` adds it to a parser with its handler wrapped by `runCommand` and the
 * output shaped by the global flags (`--quiet`, `--verbose`, colour).
 */
export interface Example {
  /** The command line, starting with `gatecheck` (written `$0`, as yargs prints the script name). */
  line: string;
  what: string;
}

export interface CommandEntry {
  command: string;
  describe: string;
  examples: readonly Example[];
  register: (parser: Argv<GlobalArgs>, io: Io, hooks: CommandHooks) => void;
}

export interface CommandHooks {
  /** The command's parser once its builder has declared its flags (for flag suggestions). */
  built: (parser: Argv) => void;
  /** The handler's exit code. */
  done: (code: ExitCode) => void;
}

export function defineCommand<Args extends GlobalArgs>(command: Command<Args>): CommandEntry {
  return {
    command: command.command,
    describe: command.describe,
    examples: command.examples,
    register: (parser, io, hooks) => {
      parser.command<Args>({
        command: command.command,
        describe: command.describe,
        builder: (yargs) => {
          const built = command.builder(yargs);
          for (const example of command.examples) built.example(example.line, example.what);
          hooks.built(built);
          return built;
        },
        handler: async (args) => {
          const shaped = shapeOutput(io, args, process.env);
          hooks.done(await runCommand(shaped, () => command.handler(args, shaped)));
        },
      });
    },
  };
}
