import { InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const provisionCommand: Command = {
  command: 'provision',
  describe: '(not available yet)',
  builder: (yargs) => yargs,
  run: (_args, io) =>
    runCommand(io, async () => {
      throw new InputError('gatecheck provision is not available yet');
    }),
};
