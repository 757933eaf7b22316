/**
 * The flags every command has: how much is printed (`--quiet`, `--verbose`) and whether the
 * summary is coloured. They shape the command's output streams, so no command decides them itself.
 */
import type { Argv } from 'yargs';
import { paintLine } from './colour.js';
import type { Io } from '../io.js';

export interface GlobalArgs {
  /** `--color` / `--no-color`; undefined: colour when stdout is a terminal and NO_COLOR is unset. */
  color: boolean | undefined;
  /** Both have no default: yargs counts a default as given, and they conflict. */
  quiet: boolean | undefined;
  verbose: boolean | undefined;
}

export function withGlobalFlags(yargs: Argv): Argv<GlobalArgs> {
  return yargs
    .option('color', {
      type: 'boolean',
      describe:
        'Colour the summary (default: when stdout is a terminal and NO_COLOR is not set; --no-color: never)',
    })
    .option('quiet', {
      alias: 'q',
      type: 'boolean',
      describe: 'Print only the summary and errors (no progress line per request)',
    })
    .option('verbose', {
      type: 'boolean',
      describe:
        'Also print what the run uses: files, base URL, which values are set (never a secret)',
    })
    .conflicts('quiet', 'verbose');
}

/** A progress line of a run (run/progress.ts): `[12/240] GET /users · no-token: ok`. */
const progressLine = /^\[\s*\d+\/\d+\] /;

/**
 * Whether to colour: an explicit `--color` / `--no-color` wins; otherwise NO_COLOR (any non-empty
 * value, https://no-color.org) turns it off, and it is on only for a terminal.
 */
export function wantsColour(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  terminal: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return terminal;
}

/** The command's output streams with the global flags applied. */
export function shapeOutput(io: Io, args: GlobalArgs, env: NodeJS.ProcessEnv): Io {
  const colourOut = wantsColour(args.color, env, io.terminal?.out === true);
  const colourErr = wantsColour(args.color, env, io.terminal?.err === true);
  return {
    out: (line) => io.out(colourOut ? paintLine(line) : line),
    err: (line) => {
      if (args.quiet === true && progressLine.test(line)) return;
      io.err(colourErr ? paintLine(line) : line);
    },
    verbose: args.verbose === true ? (line) => io.err(line) : () => {},
  };
}
