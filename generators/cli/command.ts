import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { ExitCode } from '../errors.js';
import type { GlobalArgs } from './global-flags.js';
import type { Io } from '../io.js';

/**
 * One CLI command. `builder` declares every flag with its type and default (the only place
 * defaults live); `handler` receives exactly the arguments the builder declared, so both share one
 * `Args` type. Errors thrown by a handler become exit codes in one place (`runCommand`, applied in
 * main.ts), never in the command itself.
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

/** One `--help` example. */
export interface Example {
  /** The command line, starting with `gatecheck` (written `$0`, as yargs prints the script name). */
  line: string;
  what: string;
}

/**
 * A command as the command table holds it: its `Args` stay inside, so commands with different flags
 * share one list. `register` adds it to a parser; its handler runs through `hooks.run`.
 */
export interface CommandEntry {
  command: string;
  describe: string;
  examples: readonly Example[];
  register: (parser: Argv<GlobalArgs>, hooks: CommandHooks) => void;
}

export interface CommandHooks {
  /** The command's parser once its builder has declared its flags (for flag suggestions). */
  built: (parser: Argv) => void;
  /**
   * Runs the handler with the parsed global flags: main.ts shapes the output streams and maps what
   * the handler throws to an exit code (`runCommand`), once for every command.
   */
  run: (args: GlobalArgs, handler: (io: Io) => Promise<ExitCode>) => Promise<void>;
}

export function defineCommand<Args extends GlobalArgs>(command: Command<Args>): CommandEntry {
  return {
    command: command.command,
    describe: command.describe,
    examples: command.examples,
    register: (parser, hooks) => {
      parser.command<Args>({
        command: command.command,
        describe: command.describe,
        builder: (yargs) => {
          const built = command.builder(yargs);
          for (const example of command.examples) built.example(example.line, example.what);
          hooks.built(built);
          return built;
        },
        handler: (args) => hooks.run(args, (io) => command.handler(args, io)),
      });
    },
  };
}
