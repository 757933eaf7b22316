import { InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const sandboxCommand: Command = {
  command: 'sandbox',
  describe: '(not available yet)',
  builder: (yargs) => yargs,
  run: (_args, io) =>
    runCommand(io, async () => {
      throw new InputError('gatecheck sandbox is not available yet');
    }),
};
