import { InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const smokeCommand: Command = {
  command: 'smoke',
  describe: '(not available yet)',
  builder: (yargs) => yargs,
  run: (_args, io) =>
    runCommand(io, async () => {
      throw new InputError('gatecheck smoke is not available yet');
    }),
};
