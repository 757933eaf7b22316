import { ExitCode, InputError } from '../errors.js';
import { printable } from './terminal-text.js';

/** Output streams, injectable so tests can run commands in-process. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether stdout / stderr are terminals (colour by default); absent: neither is. */
  terminal?: { out: boolean; err: boolean };
  /** Lines printed only with `--verbose` (on stderr); absent: dropped. */
  verbose?: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  terminal: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
};

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
