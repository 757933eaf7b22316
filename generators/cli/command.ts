import type { Argv } from 'yargs';
import type { ExitCode } from '../errors.js';
import type { Io } from '../io.js';

/** One CLI command: flags on yargs, then `run`, which goes through `runCommand`. */
export interface Command {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv;
  run: (args: Record<string, unknown>, io: Io) => Promise<ExitCode>;
}
