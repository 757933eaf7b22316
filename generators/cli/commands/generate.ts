import { InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const generateCommand: Command = {
  command: 'generate',
  describe: '(not available yet)',
  builder: (yargs) => yargs,
  run: (_args, io) =>
    runCommand(io, async () => {
      throw new InputError('gatecheck generate is not available yet');
    }),
};
