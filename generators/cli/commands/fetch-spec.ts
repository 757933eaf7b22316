import { InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const fetchSpecCommand: Command = {
  command: 'fetch-spec',
  describe: '(not available yet)',
  builder: (yargs) => yargs,
  run: (_args, io) =>
    runCommand(io, async () => {
      throw new InputError('gatecheck fetch-spec is not available yet');
    }),
};
