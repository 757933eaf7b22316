import { ExitCode, InputError } from '../errors.js';
import type { Io } from '../io.js';
import { printable } from '../terminal-text.js';

/**
 * The one wrapper every command handler goes through (command.ts applies it): a known input problem
 * becomes one line and exit code 2; anything else is a bug and is printed with its stack.
 */
export async function runCommand(io: Io, handler: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof InputError) {
      // A message may quote spec or server text: no control sequence reaches the terminal.
      io.err(`gatecheck: ${printable(error.describe())}`);
      return ExitCode.couldNotRun;
    }
    io.err(
      'gatecheck: internal error, this is likely a bug in gatecheck. Please report it with the output below.',
    );
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return ExitCode.couldNotRun;
  }
}
