import type { Argv } from 'yargs';
import type { ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

/** `gatecheck report merge <dirs...> --out DIR`: the shards of a run as one report. */
export const reportCommand: Command = {
  command: 'report <action> <dirs...>',
  describe:
    'Merge the reports of `gatecheck run --shard i/n` into one summary.json, junit.xml and report.html',
  builder: (yargs: Argv) =>
    yargs
      .positional('action', {
        type: 'string',
        choices: ['merge'],
        describe: 'merge: combine shards',
      })
      .positional('dirs', {
        type: 'string',
        array: true,
        describe: 'The report folders the shards wrote (each holds a summary.json)',
      })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe: 'Folder for the merged report (must not exist yet)',
      })
      .example(
        '$0 report merge shard-1/reports/* shard-2/reports/* --out reports/merged',
        'one report from two CI jobs',
      ),
  run: (args, io) =>
    runCommand(io, async (): Promise<ExitCode> => {
      const { mergeReportFolders } = await import('../../run/reports/merge-command.js');
      return mergeReportFolders(args.dirs as string[], args.out as string, io);
    }),
};
